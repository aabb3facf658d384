package dev.verdict.builtins;

import static dev.verdict.builtins.BuiltinCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.value.StringValue;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** OPA's jsonschema conformance cases (opa/jsonschema.json) and gojsonschema's error shapes. */
class JsonSchemaBuiltinsTest {

  private final BuiltinCalls b = new BuiltinCalls();

  @TestFactory
  Stream<DynamicTest> conformance() throws IOException {
    return ConformanceCalls.tests("jsonschema.json", new BuiltinCalls());
  }

  @Test
  void requiredAndNested() {
    String schema = "{\"type\": \"object\", \"required\": [\"a\"], \"properties\": {\"b\": {\"type\": \"array\","
        + " \"items\": {\"type\": \"string\", \"minLength\": 2}}}}";
    assertEquals(json("[false, [{\"desc\": \"a is required\", \"error\": \"(root): a is required\", \"field\": \"(root)\","
        + " \"type\": \"required\"}, {\"desc\": \"String length must be greater than or equal to 2\","
        + " \"error\": \"b.0: String length must be greater than or equal to 2\", \"field\": \"b.0\", \"type\": \"string_gte\"}]]"),
        b.call("json.match_schema", json("{\"b\": [\"x\"]}"), json(schema)));
  }

  @Test
  void badOperands() {
    b.assertCall("[false, \"jsonschema: invalid JSON string\"]", "json.verify_schema", "\"{\"");
    b.assertCall("[false, \"jsonschema: wrong type, expected string or object\"]", "json.verify_schema", "1");
    assertEquals(json("[true, []]"), b.call("json.match_schema", StringValue.of("{\"id\": 5}"), json("{}")));
  }

  @Test
  void remoteReferencesAreNotFetched() {
    b.assertError(BuiltinException.Code.BUILTIN_ERROR, "", "json.match_schema", json("{}"),
        json("{\"$ref\": \"http://127.0.0.1:1/schema.json\"}"));
  }
}
