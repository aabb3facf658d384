package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.value.NumberValue;
import org.junit.jupiter.api.Test;

class ArithmeticBuiltinsTest extends BuiltinTestSupport {

  @Test
  void integersStayExact() {
    check("18446744073709551618", "plus", "18446744073709551617", "1");
    check("18446744073709551616", "minus", "18446744073709551617", "1");
    check("36893488147419103234", "mul", "18446744073709551617", "2");
    check("123456789012345678901234567891", "plus", "123456789012345678901234567890", "1");
    check("-18446744073709551618", "minus", "-18446744073709551617", "1");
    check("2147483648", "plus", "2147483647", "1");
    check("-2147483649", "minus", "-2147483648", "1");
    check("4611686014132420609", "mul", "2147483647", "2147483647");
    check("4611686018427387904", "mul", "-2147483648", "-2147483648");
    check("9223372036854775808", "plus", "9223372036854775807", "1");
    check("-9223372036854775809", "minus", "-9223372036854775808", "1");
    check("85070591730234615847396907784232501249", "mul", "9223372036854775807", "9223372036854775807");
    check("1000000000000000000000000000001", "plus", "1e30", "1");
    check("15", "plus", "10.00", "5");
  }

  @Test
  void floatsFollowBigFloat() {
    check("4", "plus", "1.5", "2.5");
    check("3.5", "plus", "1", "2.5");
    check("5", "mul", "2.5", "2");
    check("0.3", "plus", "0.1", "0.2");
    check("0.33333333333333333334", "div", "1", "3");
    check("2.5", "div", "10", "4");
    check("0.25", "div", "1", "4");
    check("0", "div", "0", "5");
    check("2", "div", "6", "3");
    check("-2", "div", "-6", "3");
    check("1000000000", "div", "1e109", "1e100");
    check("2000000", "mul", "1e6", "2");
    check("0.6666666666666666667", "div", "2", "3");
    check("-0.1", "minus", "0.1", "0.2");
  }

  @Test
  void bigFloatShortestDecimal() {
    // 1/3 at 64 bits is 0.33333333333333333334237; 20 digits tell it from its neighbours.
    assertEquals(NumberValue.parse("0.33333333333333333334"), GoFloat.of(NumberValue.ONE).divide(GoFloat.of(NumberValue.of(3))).toNumber());
    assertEquals(NumberValue.parse("1.0000005e6"), GoFloat.of(NumberValue.parse("1000000.5")).toNumber());
    assertEquals(NumberValue.parse("3.14"), GoFloat.of(NumberValue.parse("3.14")).toNumber());
    assertEquals(NumberValue.parse("1e-400"), GoFloat.of(NumberValue.parse("1e-400")).toNumber());
  }

  @Test
  void divisionErrors() {
    builtinError("divide by zero", "div", "1", "0");
    builtinError("divide by zero", "div", "1", "0.0");
    builtinError("divide by zero", "div", "1.5", "0");
  }

  @Test
  void remainder() {
    check("3", "rem", "7", "4");
    check("-2", "rem", "-17", "5");
    check("2", "rem", "17", "-5");
    check("1", "rem", "4.0", "3");
    check("10", "rem", "10", "18446744073709551616");
    check("5", "rem", "5", "55340232221128654848");
    check("7", "rem", "7", "340282366920938463463374607431768211456");
    check("100", "rem", "100", "-18446744073709551616");
    check("1", "rem", "18446744073709551617", "18446744073709551616");
    builtinError("modulo by zero", "rem", "1", "0");
    builtinError("modulo on floating-point number", "rem", "1.5", "1");
  }

  @Test
  void unary() {
    check("5", "abs", "-5");
    check("2147483648", "abs", "-2147483648");
    check("9223372036854775808", "abs", "-9223372036854775808");
    check("2.5", "abs", "-2.5");
    check("3", "round", "2.5");
    check("-3", "round", "-2.5");
    check("2", "round", "2.4");
    check("-5", "round", "-5");
    check("10", "round", "10.00");
    check("2", "ceil", "1.01");
    check("2223", "ceil", "2222.2222222222");
    check("-1", "ceil", "-1.99999");
    check("1", "ceil", "1");
    check("1", "floor", "1.5");
    check("99", "floor", "99.99999");
    check("-2", "floor", "-1.001");
    check("0", "ceil", "-0.5");
    check("-1", "floor", "-0.5");
  }

  @Test
  void minusOnSetsAndTypeErrors() {
    check("{1}", "minus", "{1, 2, 3}", "{2, 3}");
    check("set()", "minus", "{1}", "{1}");
    typeError("operand 1 must be one of {number, set} but got string", "minus", "\"a\"", "1");
    typeError("operand 2 must be number but got set", "minus", "1", "{1}");
    typeError("operand 2 must be set but got number", "minus", "{1}", "1");
    typeError("operand 1 must be number but got string", "plus", "\"a\"", "1");
  }

  @Test
  void ranges() {
    check("[0, 1, 2, 3]", "numbers.range", "0", "3");
    check("[3, 2, 1]", "numbers.range", "3", "1");
    check("[5]", "numbers.range", "5", "5");
    check("[18446744073709551616, 18446744073709551617]", "numbers.range", "18446744073709551616", "18446744073709551617");
    check("[0, 2, 4, 6, 8, 10]", "numbers.range_step", "0", "10", "2");
    check("[10, 8, 6, 4]", "numbers.range_step", "10", "3", "2");
    builtinError("step must be a positive integer", "numbers.range_step", "0", "10", "-2");
    typeError("operand 1 must be integer number but got floating-point number", "numbers.range", "1.5", "3");
    typeError("operand 2 must be integer number but got floating-point number", "numbers.range", "1", "3.5");
  }

  @Test
  void randIsStableWithinAQuery() {
    var first = call("rand.intn", "\"seed\"", "100");
    for (int i = 0; i < 10; i++) {
      assertEquals(first, call("rand.intn", "\"seed\"", "100"));
    }
    assertEquals(first, call("rand.intn", "\"seed\"", "-100"));
    check("0", "rand.intn", "\"x\"", "0");
    long n = ((NumberValue) first).longValue();
    assertEquals(true, n >= 0 && n < 100);
  }
}
