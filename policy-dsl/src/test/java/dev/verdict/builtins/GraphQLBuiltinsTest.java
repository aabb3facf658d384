package dev.verdict.builtins;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** OPA's graphql conformance cases (opa/graphql.json). */
class GraphQLBuiltinsTest {

  @TestFactory
  Stream<DynamicTest> conformance() throws IOException {
    return ConformanceCalls.tests("graphql.json", new BuiltinCalls());
  }
}
