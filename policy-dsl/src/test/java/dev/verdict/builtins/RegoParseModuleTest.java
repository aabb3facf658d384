package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import org.junit.jupiter.api.Test;

/** {@code rego.parse_module} answers OPA's AST JSON and reports parse errors as builtin errors. */
class RegoParseModuleTest {

  private final BuiltinCalls b = new BuiltinCalls();

  private Value parse(String text) {
    return b.call("rego.parse_module", StringValue.of("x.rego"), StringValue.of(text));
  }

  @Test
  void rulesHeadsAndBodiesTakeOpasShape() {
    Value m = parse("package a.b\nimport data.lib as l\np := x if { some x in input.xs; not x == 2 }\n");
    assertEquals(BuiltinCalls.json("""
        [{"type": "var", "value": "data"}, {"type": "string", "value": "a"}, {"type": "string", "value": "b"}]"""),
        get(m, "package", "path"));
    assertEquals(StringValue.of("l"), get(m, "imports", 0, "alias"));
    assertEquals(StringValue.of("p"), get(m, "rules", 0, "head", "name"));
    assertEquals(BuiltinCalls.json("{\"type\": \"var\", \"value\": \"x\"}"), get(m, "rules", 0, "head", "value"));
    assertEquals(BuiltinCalls.json("true"), get(m, "rules", 0, "head", "assign"));
    Value negated = get(m, "rules", 0, "body", 1);
    assertEquals(BuiltinCalls.json("true"), get(negated, "negated"));
    assertEquals(BuiltinCalls.json("{\"type\": \"ref\", \"value\": [{\"type\": \"var\", \"value\": \"equal\"}]}"),
        get(negated, "terms", 0));
  }

  @Test
  void parseErrorsAreBuiltinErrorsWithTheirLocation() {
    b.assertError(BuiltinException.Code.BUILTIN_ERROR, "x.rego:1:13: rego_parse_error: unexpected eof token: expected ident",
        "rego.parse_module", StringValue.of("x.rego"), StringValue.of("package foo."));
  }

  private static Value get(Value v, Object... path) {
    for (Object k : path) {
      v = k instanceof Integer i ? ((dev.verdict.value.ArrayValue) v).get(i) : ((dev.verdict.value.ObjectValue) v).get(StringValue.of((String) k));
    }
    return v;
  }
}
