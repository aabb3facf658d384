package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.value.StringValue;
import org.junit.jupiter.api.Test;

/** Encodings, units, semver and uuid. */
class EncodingBuiltinsTest extends BuiltinTestSupport {

  @Test
  void base64AndHex() {
    check("\"aGVsbG8=\"", "base64.encode", "\"hello\"");
    check("\"c3ViamVjdHM/X2Q=\"", "base64.encode", "\"subjects?_d\"");
    check("\"hello\"", "base64.decode", "\"aGVsbG8=\"");
    check("\"hello\"", "base64.decode", "\"aGVs\\nbG8=\"");
    check("true", "base64.is_valid", "\"aGVsbG8=\"");
    check("false", "base64.is_valid", "\"{'not':'base64'}\"");
    check("false", "base64.is_valid", "\"aGVsbG8\"");
    check("false", "base64.is_valid", "1");
    builtinError("illegal base64 data at input byte 0", "base64.decode", "\"{'not':'base64'}\"");
    builtinError("illegal base64 data at input byte 4", "base64.decode", "\"aGVsbG8\"");
    check("\"aGVsbG8=\"", "base64url.encode", "\"hello\"");
    check("\"aGVsbG8\"", "base64url.encode_no_pad", "\"hello\"");
    check("\"hello\"", "base64url.decode", "\"aGVsbG8\"");
    check("\"hello\"", "base64url.decode", "\"aGVsbG8=\"");
    check("\"fn5+\"", "base64.encode", "\"~~~\"");
    check("\"fn5-\"", "base64url.encode_no_pad", "\"~~~\"");
    check("\"w78\"", "base64url.encode_no_pad", "\"\u00ff\"");
    builtinError("illegal base64url string: a", "base64url.decode", "\"a\"");
    check("\"6c6f72656d20697073756d\"", "hex.encode", "\"lorem ipsum\"");
    check("\"lorem ipsum\"", "hex.decode", "\"6c6f72656d20697073756d\"");
    builtinError("encoding/hex: invalid byte: U+0067 'g'", "hex.decode", "\"fghijkl\"");
    builtinError("encoding/hex: odd length hex string", "hex.decode", "\"abc\"");
    // Invalid UTF-8 decodes one U+FFFD per bad byte, as Go's rune conversion does.
    assertEquals(v("30"), call("count", call("base64.decode", "\"2E84ZuPUd7zfvCZSNEchVpDEIj6PL7JfLpIqyxVG16k=\"")));
  }

  @Test
  void urlQuery() {
    check("\"a%3Db%2B1\"", "urlquery.encode", "\"a=b+1\"");
    check("\"a+b~%2A\"", "urlquery.encode", "\"a b~*\"");
    check("\"a=b+1\"", "urlquery.decode", "\"a%3Db%2B1\"");
    check("\"a b\"", "urlquery.decode", "\"a+b\"");
    builtinError("invalid URL escape \"%zz\"", "urlquery.decode", "\"%zz\"");
    check("\"\"", "urlquery.encode_object", "{}");
    check("\"a=b&c=d\"", "urlquery.encode_object", "{\"c\": \"d\", \"a\": \"b\"}");
    check("\"a=b%2B1&a=c%2B2\"", "urlquery.encode_object", "{\"a\": [\"b+1\", \"c+2\"]}");
    check("\"a=b%2B1\"", "urlquery.encode_object", "{\"a\": {\"b+1\"}}");
    typeError("operand 1 values must be string, array[string], or set[string]", "urlquery.encode_object", "{\"a\": 1}");
    check("{\"a\": [\"value_a1\", \"value_a2\"], \"b\": [\"value_b\"]}", "urlquery.decode_object", "\"a=value_a1&b=value_b&a=value_a2\"");
    check("{\"a\": [\"value_a1\"], \"b\": [\"\"]}", "urlquery.decode_object", "\"a=value_a1&b\"");
    check("{}", "urlquery.decode_object", "\"\"");
    builtinError("invalid semicolon separator in query", "urlquery.decode_object", "\"a=1;b=2\"");
  }

  @Test
  void json() {
    check("\"[{\\\"foo\\\":[1,2,3]}]\"", "json.marshal", "[{\"foo\": {1, 2, 3}}]");
    check("\"[1234567890,2000000,1000000000]\"", "json.marshal", "[1234567890, 2000000, 1000000000]");
    check("\"{\\\"a\\\":\\\"\\\\u003cb\\\\u003e\\\\u0026\\\"}\"", "json.marshal", "{\"a\": \"<b>&\"}");
    check("\"{\\\"1\\\":2,\\\"[1, 2]\\\":3}\"", "json.marshal", "{1: 2, [1, 2]: 3}");
    check("\"[\\n  1,\\n  2\\n]\"", "json.marshal_with_options", "[1, 2]", "{\"indent\": \"  \"}");
    check("\"[\\n\\t1\\n]\"", "json.marshal_with_options", "[1]", "{\"pretty\": true}");
    check("\"[1,2]\"", "json.marshal_with_options", "[1, 2]", "{}");
    check("\"[1,2]\"", "json.marshal_with_options", "[1, 2]", "{\"pretty\": false, \"prefix\": \"NO!\", \"indent\": \"BAD!\"}");
    check("\"JSON => {\\nJSON => \\t\\\"bar\\\": \\\"baz\\\",\\nJSON => \\t\\\"foo\\\": \\\"bar\\\"\\nJSON => }\"",
        "json.marshal_with_options", "{\"foo\": \"bar\", \"bar\": \"baz\"}", "{\"prefix\": \"JSON => \"}");
    check("\"---[]\"", "json.marshal_with_options", "[]", "{\"indent\": \"    \", \"prefix\": \"---\"}");
    typeError("object contained unknown key \"include_winning_lottery_numbers\"", "json.marshal_with_options",
        "[]", "{\"indent\": \"    \", \"include_winning_lottery_numbers\": true}");
    typeError("operand 2 key \"pretty\" failed cast to bool", "json.marshal_with_options", "[]", "{\"pretty\": 1}");
    check("[{\"foo\": [1, 2, 3]}]", "json.unmarshal", "\"[{\\\"foo\\\":[1,2,3]}]\"");
    check("123456789012345678901234567890.5", "json.unmarshal", "\"123456789012345678901234567890.5\"");
    check("\"\\u00e9\"", "json.unmarshal", "\"\\\"\\\\u00e9\\\"\"");
    typeError("operand 1 must be string but got number", "json.unmarshal", "1");
    builtinError("unexpected end of JSON input", "json.unmarshal", "\"{\"");
    builtinError("invalid character 'p' looking for beginning of value", "json.unmarshal", "\"plainstring\"");
    builtinError("invalid character '}' after object key", "json.unmarshal", "\"{\\\"a\\\"}\"");
    builtinError("error: invalid character '2' after top-level value", "json.unmarshal", "\"1 2\"");
    check("false", "json.is_valid", "\"plainstring\"");
    check("false", "json.is_valid", "\"{\"");
    check("true", "json.is_valid", "\"{\\\"json\\\": \\\"ok\\\"}\"");
    check("false", "json.is_valid", "1");
  }

  @Test
  void yaml() {
    check("\"- foo:\\n  - 1\\n  - 2\\n  - 3\\n\"", "yaml.marshal", "[{\"foo\": {1, 2, 3}}]");
    check("\"a: 1\\nb:\\n  c: \\\"true\\\"\\n  d: []\\nl:\\n- x\\n- 'y: z'\\n\"", "yaml.marshal",
        "{\"b\": {\"c\": \"true\", \"d\": []}, \"a\": 1, \"l\": [\"x\", \"y: z\"]}");
    check("\"a2: 1\\na10: 2\\n\"", "yaml.marshal", "{\"a10\": 2, \"a2\": 1}");
    check("\"s: |-\\n  one\\n  two\\n\"", "yaml.marshal", "{\"s\": \"one\\ntwo\"}");
    check("\"1.5\\n\"", "yaml.marshal", "1.5");
    check("\"\\\"\\\"\\n\"", "yaml.marshal", "\"\"");
    check("\"null\\n\"", "yaml.marshal", "null");
    check("[{\"foo\": [1, 2, 3]}]", "yaml.unmarshal", "\"- foo:\\n  - 1\\n  - 2\\n  - 3\\n\"");
    check("{\"a\": true, \"b\": false, \"c\": null, \"d\": 8, \"e\": 16, \"f\": 1000, \"g\": \"1e400\", \"h\": 0.5, \"i\": \"x\"}",
        "yaml.unmarshal", "\"a: yes\\nb: Off\\nc: ~\\nd: 010\\ne: 0x10\\nf: 1_000\\ng: 1e400\\nh: .5\\ni: x\"");
    check("{\"1\": \"a\", \"true\": \"b\"}", "yaml.unmarshal", "\"1: a\\ntrue: b\"");
    check("{\"d\": \"2001-12-14T00:00:00Z\", \"t\": \"2001-12-14T21:59:43.1-05:00\"}", "yaml.unmarshal",
        "\"d: 2001-12-14\\nt: 2001-12-14t21:59:43.10-05:00\"");
    // Merge keys; and "y" is a YAML 1.1 boolean, so as a key it reads "true".
    check("{\"m\": {\"a\": 1, \"b\": 2}, \"true\": 1, \"x\": {\"a\": 1}}", "yaml.unmarshal",
        "\"x: &b {a: 1}\\nm:\\n  <<: *b\\n  b: 2\\ny: 1\"");
    check("{\"a\": \"yes\"}", "yaml.unmarshal", "\"a: 'yes'\"");
    check("null", "yaml.unmarshal", "\"\"");
    check("1", "yaml.unmarshal", "\"1\\n---\\n2\"");
    builtinError("yaml: line 1: did not find expected ',' or ']'", "yaml.unmarshal", "\"[1,2,3\"");
    builtinError("json: unsupported value: +Inf", "yaml.unmarshal", "\"a: .inf\"");
    check("true", "yaml.is_valid", "\"foo:\\n- qux: bar\\n- baz: 2\"");
    check("false", "yaml.is_valid", "\"foo:\\n- qux: bar\\n- baz: {\"");
    check("true", "yaml.is_valid", "\"{\\\"json\\\": \\\"ok\\\"}\"");
    check("true", "yaml.is_valid", "\"a: .inf\"");
    check("false", "yaml.is_valid", "1");
    for (String s : new String[] {"yes", "- a", "a: b", "#x", "  x", "x ", "", "1.5", "null", "it's", "a\tb", "0x1F", "2001-01-01", "tab\ttab", "é"}) {
      var v = StringValue.of(s);
      assertEquals(v, call("yaml.unmarshal", call("yaml.marshal", v)), () -> "round trip of " + s);
    }
  }

  @Test
  void units() {
    check("0.5", "units.parse", "\"500m\"");
    check("0.5", "units.parse", "\"0.0005K\"");
    check("0.5", "units.parse", "\"0.0000005M\"");
    check("1100", "units.parse", "\"1.1K\"");
    check("1126.4", "units.parse", "\"1.1Ki\"");
    check("0.01", "units.parse", "\"1e-2\"");
    check("0.78", "units.parse", "\"7.8E-1\"");
    check("-0.35", "units.parse", "\"-3.5E2m\"");
    check("1000000000", "units.parse", "\"1G\"");
    check("1000000000", "units.parse", "\"1g\"");
    check("0.008", "units.parse", "\"8m\"");
    check("8000000", "units.parse", "\"8M\"");
    check("10240", "units.parse", "\"10KI\"");
    check("10000000000000000000", "units.parse", "\"10E\"");
    check("10000000000000000000", "units.parse", "\"10e\"");
    check("32000", "units.parse", "\"3.2E4\"");
    check("2500000", "units.parse", "\"2.5e3K\"");
    check("0", "units.parse", "\".0\"");
    check("12345", "units.parse", "\"\\\"12345\\\"\"");
    builtinError("no amount provided", "units.parse", "\"\"");
    builtinError("no amount provided", "units.parse", "\"G\"");
    builtinError("could not parse amount to a number", "units.parse", "\"0.0.0\"");
    builtinError("could not parse amount to a number", "units.parse", "\".5.2\"");
    builtinError("spaces not allowed in resource strings", "units.parse", "\"100 k\"");
    builtinError("unit kb not recognized", "units.parse", "\"100kb\"");
    builtinError("exponent too large", "units.parse", "\"1e1234567\"");
    check("1100", "units.parse_bytes", "\"1.1KB\"");
    check("1126", "units.parse_bytes", "\"1.1KiB\"");
    check("500", "units.parse_bytes", "\".5KB\"");
    check("10", "units.parse_bytes", "\"1e-2KB\"");
    check("1000000", "units.parse_bytes", "\"1e3KB\"");
    check("214748364800", "units.parse_bytes", "\"2e2GiB\"");
    check("335544320", "units.parse_bytes", "\"3.2E2MiB\"");
    check("82463372083200", "units.parse_bytes", "\"7.5e1TiB\"");
    check("5000000000000000000", "units.parse_bytes", "\"5E\"");
    check("137438953472", "units.parse_bytes", "\"128Gi\"");
    check("0", "units.parse_bytes", "\"0.0\"");
    builtinError("no byte amount provided", "units.parse_bytes", "\"GB\"");
    builtinError("could not parse byte amount to a number", "units.parse_bytes", "\"0.0.0\"");
    builtinError("spaces not allowed in resource strings", "units.parse_bytes", "\" 327MiB \"");
    builtinError("byte unit foo not recognized", "units.parse_bytes", "\"1foo\"");
  }

  @Test
  void semver() {
    check("-1", "semver.compare", "\"1.0.0\"", "\"2.0.0\"");
    check("1", "semver.compare", "\"2.0.0\"", "\"1.0.0\"");
    check("0", "semver.compare", "\"1.2.3+01\"", "\"1.2.3+2\"");
    check("-1", "semver.compare", "\"1.2.3-0\"", "\"1.2.3-1\"");
    check("-1", "semver.compare", "\"1.0.0-alpha\"", "\"1.0.0-alpha.1\"");
    check("-1", "semver.compare", "\"1.0.0-alpha.1\"", "\"1.0.0-alpha.beta\"");
    check("-1", "semver.compare", "\"1.0.0-beta.2\"", "\"1.0.0-beta.11\"");
    check("-1", "semver.compare", "\"1.0.0-rc.1\"", "\"1.0.0\"");
    builtinError("operand 1: string \"1\" is not a valid SemVer", "semver.compare", "\"1\"", "\"1.0.0\"");
    builtinError("operand 2: string \"1.2.3-01\" is not a valid SemVer", "semver.compare", "\"1.2.3\"", "\"1.2.3-01\"");
    for (String ok : new String[] {"0.0.0", "1.2.3-0", "1.2.3-0a", "1.2.3+01", "1.0.0-x-y.z+b.1"}) {
      check("true", "semver.is_valid", "\"" + ok + "\"");
    }
    for (String bad : new String[] {"1", "01.2.3", "1.02.3", "1.2.03", "1.2.3-01", "1.2.3-alpha.01", "1.2.3-", "1.2.3+", "v1.2.3"}) {
      check("false", "semver.is_valid", "\"" + bad + "\"");
    }
    check("false", "semver.is_valid", "1");
  }

  @Test
  void uuids() {
    check("{\"variant\": \"RFC4122\", \"version\": 4}", "uuid.parse", "\"{00000000-0000-4000-8000-000000000000}\"");
    String v2 = "{\"clocksequence\": 12800, \"domain\": \"Person\", \"id\": 1000, \"macvariables\": \"local:unicast\", \"nodeid\": \"32-50-96-b3-9f-47\","
        + " \"time\": 1693566990121469600, \"variant\": \"RFC4122\", \"version\": 2}";
    check(v2, "uuid.parse", "\"urn:uuid:000003e8-48b9-21ee-b200-325096b39f47\"");
    check(v2, "uuid.parse", "\"000003e8-48b9-21ee-b200-325096b39f47\"");
    check("{\"variant\": \"RFC4122\", \"version\": 3}", "uuid.parse", "\"6bea8ef2d3d33cd184e09bab06a52ece\"");
    undefined("uuid.parse", "\"123\"");
    undefined("uuid.parse", "\"00000000-0000-4000-8000-00000000000g\"");
    var a = call("uuid.rfc4122", "\"a\"");
    assertEquals(a, call("uuid.rfc4122", "\"a\""));
    assertNotEquals(a, call("uuid.rfc4122", "\"b\""));
    assertTrue(((StringValue) a).value().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  }
}
