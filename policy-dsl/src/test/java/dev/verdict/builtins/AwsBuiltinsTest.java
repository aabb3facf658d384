package dev.verdict.builtins;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** OPA's providers-aws conformance cases (opa/aws.json). */
class AwsBuiltinsTest {

  @TestFactory
  Stream<DynamicTest> conformance() throws IOException {
    return ConformanceCalls.tests("aws.json", new BuiltinCalls());
  }
}
