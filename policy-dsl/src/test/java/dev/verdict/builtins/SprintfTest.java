package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sprintf renders as Go's fmt does for the values OPA passes it. */
class SprintfTest extends BuiltinTestSupport {

  private void sprintf(String expected, String format, String args) {
    check(quote(expected), "sprintf", quote(format), args);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void conformanceCases() {
    sprintf("hi", "hi", "[]");
    sprintf("hi there", "hi %s", "[\"there\"]");
    sprintf("hi 05", "hi %02d", "[5]");
    sprintf("hi 7F.01", "hi %02X.%02X", "[127, 1]");
    sprintf("hi 3.14", "hi %.2f", "[3.1415]");
    sprintf("hi 2e308", "hi %v", "[2e308]");
    sprintf("hi true", "hi %s", "[true]");
    sprintf("hi [\"there\", 5, 3.14]", "hi %v", "[[\"there\", 5, 3.14]]");
    sprintf("123456789123456789123", "%s", "[123456789123456789123]");
    sprintf("1208925819614629174706175", "%s", "[1208925819614629174706175]");
    sprintf("18446744073709551618", "%v", "[18446744073709551618]");
  }

  @Test
  void goVerbs() {
    sprintf("%!s(int=5)", "%s", "[5]");
    sprintf("%!d(string=x)", "%d", "[\"x\"]");
    sprintf("%!d(float64=1.5)", "%d", "[1.5]");
    sprintf("%!d(MISSING)", "%d", "[]");
    sprintf("a%!(EXTRA int=1, string=b)", "a", "[1, \"b\"]");
    sprintf("%!(NOVERB)", "%", "[]");
    sprintf("100%", "100%%", "[]");
    sprintf("1.0000005e+06", "%v", "[1000000.5]");
    sprintf("100000", "%v", "[100000.0]");
    sprintf("0.1", "%v", "[0.1]");
    sprintf("1e-05", "%v", "[0.00001]");
    sprintf("3.141500e+00", "%e", "[3.1415]");
    sprintf("3.1415", "%g", "[3.1415]");
    sprintf("2", "%.0f", "[2.5]");
    sprintf("-0003", "%05d", "[-3]");
    sprintf("+3", "%+d", "[3]");
    sprintf("3", "%+v", "[3]");
    sprintf("   ab", "%5s", "[\"ab\"]");
    sprintf("ab   |", "%-5s|", "[\"ab\"]");
    sprintf("\"a\\n\"", "%q", "[\"a\\n\"]");
    sprintf("6869", "%x", "[\"hi\"]");
    sprintf("ff", "%x", "[255]");
    sprintf("0xff", "%#x", "[255]");
    sprintf("0x000000ff", "%#08x", "[255]");
    sprintf("11", "%b", "[3]");
    sprintf("A", "%c", "[65]");
    sprintf("U+0041", "%U", "[65]");
    sprintf("b a", "%[2]s %[1]s", "[\"a\", \"b\"]");
    sprintf("%!t(string=true)", "%t", "[true]");
    sprintf("abc", "%.3s", "[\"abcdef\"]");
    sprintf("  3.14", "%6.2f", "[3.14159]");
    sprintf("-1.5", "%v", "[-1.5]");
    sprintf("int string *big.Int float64", "%T %T %T %T", "[1, \"a\", 18446744073709551617, 1.5]");
    sprintf("%!e(big.Int=18446744073709551617)", "%e", "[18446744073709551617]");
    sprintf("{\"a\": 1}", "%v", "[{\"a\": 1}]");
    sprintf("{1, 2}", "%v", "[{1, 2}]");
    sprintf("null", "%s", "[null]");
  }

  @Test
  void floatFormatting() {
    assertEquals("1e+21", GoStrconv.formatFloat(1e21, 'g', -1));
    assertEquals("123456", GoStrconv.formatFloat(123456, 'g', -1));
    assertEquals("1.234567e+06", GoStrconv.formatFloat(1234567, 'g', -1));
    assertEquals("0.0001", GoStrconv.formatFloat(0.0001, 'g', -1));
    assertEquals("0", GoStrconv.formatFloat(0, 'g', -1));
    assertEquals("1.2e+02", GoStrconv.formatFloat(123, 'g', 2));
    assertEquals("100", GoStrconv.formatFloat(100, 'g', 3));
    assertEquals("0.000000", GoStrconv.formatFloat(0, 'f', 6));
    assertEquals("-2.50", GoStrconv.formatFloat(-2.5, 'f', 2));
    assertEquals("hi 5 x", GoFormat.sprintf("hi %d %s", List.of(5L, "x")));
    assertEquals("-12", GoFormat.sprintf("%d", List.of(BigInteger.valueOf(-12))));
  }
}
