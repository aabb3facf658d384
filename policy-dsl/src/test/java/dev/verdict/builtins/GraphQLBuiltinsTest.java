package dev.verdict.builtins;

import static dev.verdict.builtins.BuiltinCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** OPA's graphql conformance cases (opa/graphql.json). */
class GraphQLBuiltinsTest {

  @TestFactory
  Stream<DynamicTest> conformance() throws IOException {
    return ConformanceCalls.tests("graphql.json", new BuiltinCalls());
  }

  private final BuiltinCalls b = new BuiltinCalls();

  private static StringValue s(String v) {
    return StringValue.of(v);
  }

  @Test
  void astObjectsAreAcceptedInPlaceOfText() {
    Value schema = b.call("graphql.parse_schema", s("""
        type Employee { id: String! salary: Int! }
        schema { query: Query }
        type Query { employeeByID(id: String): Employee }
        """));
    Value query = b.call("graphql.parse_query", s("query { employeeByID(id: \"alice\") { salary }}"));
    assertEquals(BooleanValue.TRUE, b.call("graphql.is_valid", query, schema));
    assertEquals(BooleanValue.TRUE, b.call("graphql.schema_is_valid", schema));
    ArrayValue verified = (ArrayValue) b.call("graphql.parse_and_verify", query, schema);
    assertEquals(ArrayValue.of(BooleanValue.TRUE, query, schema), verified);
  }

  @Test
  void undefinedArgumentInAstObjects() {
    Value schema = json("""
        {"Definitions": [
          {"BuiltIn": false, "Description": "", "Kind": "OBJECT", "Name": "Query",
           "Fields": [{"Description": "", "Name": "bar", "Type": {"NamedType": "String", "NonNull": true}}]},
          {"BuiltIn": false, "Description": "", "Kind": "OBJECT", "Name": "Mutation",
           "Fields": [{"Description": "", "Name": "x", "Type": {"NamedType": "String", "NonNull": true}}]}]}
        """);
    Value query = json("""
        {"Operations": [{"Name": "", "Operation": "mutation", "SelectionSet": [
          {"Alias": "x", "Name": "x", "Arguments": [{"Name": "a", "Value": {"Kind": 7, "Raw": "b"}}]}]}]}
        """);
    assertEquals(BooleanValue.FALSE, b.call("graphql.is_valid", query, schema));
    assertEquals(BooleanValue.FALSE, b.call("graphql.is_valid", s("mutation{x(a:b)}"), s("""
        type Query { bar: String! }
        type Mutation { x: String! }
        """)));
  }

  @Test
  void objectTypesAreNoInputFields() {
    Value schema = b.call("graphql.parse_schema", s("""
        type Mutation { createPupil(pupil: PupilInput!): Pupil }
        type Query { pupil(firstname: String): Pupil }
        type Pupil { friends: [Pupil!]! }
        input PupilInput { friends: [Pupil] }
        schema { query: Query mutation: Mutation }
        """));
    assertEquals(BooleanValue.FALSE, b.call("graphql.schema_is_valid", schema));
  }

  @Test
  void validationErrorsNameTheField() {
    b.assertError(BuiltinException.Code.BUILTIN_ERROR,
        "Field \"myAction\" argument \"myEnum\" of type \"Locale!\" is required, but it was not provided"
            + " in GraphQL string at location 2:3",
        "graphql.parse", s("query SomeOperation {\n  myAction { id }\n}"),
        s("extend type Query { myAction(myEnum: Locale!): SomeResult! }\ntype SomeResult { id: String }\n"
            + "enum Locale { EN LT DE }"));
  }
}
