package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Comparison, bits, aggregates, sets, arrays, types and casts. */
class CoreBuiltinsTest extends BuiltinTestSupport {

  @Test
  void comparisonsUseOpaOrder() {
    check("true", "lt", "3", "3.5");
    check("true", "equal", "3.50", "3.5");
    check("true", "equal", "1e2", "100");
    check("false", "lt", "0.1", "0.1");
    check("true", "lt", "0.1", "0.10000000000001");
    check("true", "gt", "1e400", "1e399");
    check("true", "gt", "1e-400", "0");
    check("true", "gt", "0.1234567890123456789", "0.1234567890123456788");
    check("true", "lt", "1234567890123456789012", "1234567890123456789013");
    check("true", "lt", "null", "false");
    check("true", "lt", "false", "0");
    check("true", "lt", "0", "\"\"");
    check("true", "lt", "\"z\"", "[]");
    check("true", "lt", "[]", "{}");
    check("true", "lt", "{}", "set()");
    check("true", "neq", "[1]", "[2]");
    check("true", "gte", "{\"a\": 1}", "{\"a\": 1}");
    check("true", "lte", "[1, 2]", "[1, 2, 0]");
  }

  @Test
  void bits() {
    check("1", "bits.and", "7", "9");
    check("0", "bits.and", "50", "0");
    check("15", "bits.or", "7", "9");
    check("41", "bits.xor", "42", "3");
    check("0", "bits.xor", "42", "42");
    check("-43", "bits.negate", "42");
    check("8", "bits.lsh", "1", "3");
    check("4294967294", "bits.lsh", "2147483647", "1");
    check("18446744073709551614", "bits.lsh", "9223372036854775807", "1");
    check("1", "bits.rsh", "8", "3");
    check("-1", "bits.rsh", "-8", "100");
    check("-26", "bits.xor", "10", "-20");
    check("18446744073709551617", "bits.or", "18446744073709551616", "1");
    for (String f : new String[] {"bits.and", "bits.or", "bits.xor", "bits.lsh", "bits.rsh"}) {
      typeError("operand 1 must be integer number but got floating-point number", f, "7.2", "42");
    }
    typeError("operand 1 must be integer number but got floating-point number", "bits.negate", "7.2");
    typeError("operand 2 must be an unsigned integer number but got a negative integer", "bits.lsh", "7", "-1");
    typeError("operand 2 must be an unsigned integer number but got a negative integer", "bits.rsh", "7", "-1");
    typeError("operand 2 must be integer but got string", "bits.lsh", "7", "\"hi\"");
  }

  @Test
  void aggregates() {
    check("3", "count", "[1, 2, 3]");
    check("2", "count", "{\"a\": 1, \"b\": 2}");
    check("1", "count", "{1}");
    check("3", "count", "\"åäö\"");
    typeError("operand 1 must be one of {array, object, set, string} but got null", "count", "null");
    typeError("operand 1 must be one of {array, object, set, string} but got number", "count", "5");
    check("6", "sum", "[1, 2, 3]");
    check("18446744073709551618", "sum", "[18446744073709551617, 1]");
    check("18446744073709551618", "sum", "{18446744073709551617, 1}");
    check("9223372036854775808", "sum", "[9223372036854775807, 1]");
    check("9223372036854775810", "sum", "{9223372036854775807, 1, 2}");
    check("-9223372036854775809", "sum", "[-9223372036854775808, -1]");
    check("4", "sum", "[1.5, 2.5]");
    check("3.5", "sum", "[1, 2.5]");
    check("0", "sum", "[]");
    check("24", "product", "[2, 3, 4]");
    check("36893488147419103234", "product", "[18446744073709551617, 2]");
    check("3", "product", "[1.5, 2]");
    check("1", "product", "set()");
    typeError("operand 1 must be array of numbers but got array containing string", "sum", "[1, \"a\"]");
    typeError("operand 1 must be set of numbers but got set containing string", "product", "{1, \"a\"}");
    typeError("operand 1 must be one of {set, array} but got object", "sum", "{}");
    check("3.5", "max", "[3, 3.5, 3.25, 3.4999]");
    check("2.7499", "min", "[3, 3.5, 2.75, 2.7499]");
    check("3", "max", "{1, 2, 3}");
    check("\"a\"", "max", "[1, \"a\", null]");
    check("null", "min", "{1, \"a\", null}");
    undefined("max", "[]");
    undefined("min", "set()");
    check("[-2.5, 0.5, 1, 3, 3.25, 3.5, 3.5]", "sort", "[3.5, 3, 3.25, -2.5, 3.50, 1e0, 0.5]");
    check("[1, 2, 3]", "sort", "{3, 1, 2}");
    check("true", "all", "[true, true]");
    check("true", "all", "[]");
    check("false", "all", "[true, 1]");
    check("true", "any", "{false, true}");
    check("false", "any", "set()");
    typeError("operand 1 must be one of {array, set} but got string", "any", "\"x\"");
  }

  @Test
  void sets() {
    check("{2, 3}", "and", "{1, 2, 3}", "{2, 3, 4}");
    check("{1, 2, 3, 4}", "or", "{1, 2, 3}", "{2, 3, 4}");
    check("{1}", "set_diff", "{1, 2}", "{2}");
    check("{2}", "intersection", "{{1, 2}, {2, 3}}");
    check("set()", "intersection", "set()");
    check("{1, 2, 3}", "union", "{{1, 2}, {2, 3}}");
    check("set()", "union", "set()");
    typeError("operand 1 must be set but got number", "union", "{1}");
    typeError("operand 2 must be set but got number", "and", "{1}", "1");
  }

  @Test
  void arrays() {
    check("[1, 2, 3, 4]", "array.concat", "[1, 2]", "[3, 4]");
    check("[]", "array.concat", "[]", "[]");
    typeError("operand 1 must be array but got object", "array.concat", "{}", "[]");
    typeError("operand 2 must be array but got object", "array.concat", "[]", "{}");
    check("[2, 3]", "array.slice", "[1, 2, 3, 4]", "1", "3");
    check("[1, 2, 3, 4]", "array.slice", "[1, 2, 3, 4]", "-1", "10");
    check("[]", "array.slice", "[1, 2, 3, 4]", "3", "1");
    check("[]", "array.slice", "[1, 2, 3, 4]", "5", "6");
    check("[3, 2, 1]", "array.reverse", "[1, 2, 3]");
    typeError("operand 1 must be array but got object", "array.reverse", "{}");
    check("[1, 2, \"string\", 3, {\"a\": \"b\"}, 4.5, 6, [7, 8]]", "array.flatten",
        "[[1, 2], \"string\", [3, {\"a\": \"b\"}], 4.5, [6, [7, 8]]]");
    check("[[1], [2, 3, []], [4, 5]]", "array.flatten", "[[[1], [2, 3, []]], [[4, 5]]]");
    typeError("operand 1 must be array but got number", "array.flatten", "42");
  }

  @Test
  void typesAndCasts() {
    check("true", "is_number", "-42.0");
    check("false", "is_number", "null");
    check("true", "is_set", "set()");
    check("false", "is_object", "set()");
    check("true", "is_null", "null");
    check("\"set\"", "type_name", "{1}");
    check("\"object\"", "type_name", "{}");
    check("\"boolean\"", "type_name", "false");
    check("-42", "to_number", "\"-42.0\"");
    check("0", "to_number", "false");
    check("1", "to_number", "true");
    check("0", "to_number", "null");
    check("100.1", "to_number", "100.1");
    check("0.5", "to_number", "\".5\"");
    check("1000", "to_number", "\"1e3\"");
    check("16", "to_number", "\"0x1p4\"");
    builtinError("strconv.ParseFloat: parsing \"broken\": invalid syntax", "to_number", "\"broken\"");
    builtinError("value out of range", "to_number", "\"1e400\"");
    for (String s : new String[] {"nan", "-nan", "inf", "-inf", "Infinity", "-Infinity"}) {
      typeError("operand 1 must be valid number string but got string", "to_number", "\"" + s + "\"");
    }
    typeError("operand 1 must be one of {null, boolean, number, string} but got array", "to_number", "[]");
    check("[1, 2]", "cast_array", "{2, 1}");
    check("{1, 2}", "cast_set", "[2, 1, 2]");
    check("\"a\"", "cast_string", "\"a\"");
    typeError("operand 1 must be boolean but got number", "cast_boolean", "1");
    typeError("operand 1 must be null but got number", "cast_null", "1");
    check("{}", "cast_object", "{}");
  }

  @Test
  void declaredFlags() {
    var r = BuiltinRegistry.standard();
    assertTrue(r.get("all").deprecated());
    assertTrue(r.get("set_diff").deprecated());
    assertTrue(r.get("cast_array").deprecated());
    assertEquals(false, r.get("rand.intn").deterministic());
    assertEquals(true, r.get("plus").deterministic());
  }
}
