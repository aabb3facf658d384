package dev.verdict.builtins;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Operand helpers beyond {@link Operands}, with OPA's wording for integer operands and for bad
 * elements of composite operands. Positions are 0-based indexes into {@code args}; messages use
 * OPA's 1-based operand numbers.
 */
final class Args {

  private Args() {}

  /** A type error worded "operand N MESSAGE", as OPA's {@code builtins.NewOperandErr}. */
  static BuiltinException operandError(int operand, String message) {
    return new BuiltinException(BuiltinException.Code.TYPE_ERROR, "operand " + operand + " " + message);
  }

  static BuiltinException notInteger(int operand) {
    return operandError(operand, "must be integer number but got floating-point number");
  }

  /** "operand N must be array of strings but got array containing number". */
  static BuiltinException elementError(int operand, Value composite, Value element, String expected) {
    String type = composite.typeName();
    return operandError(
        operand, "must be " + type + " of " + expected + "s but got " + type + " containing " + element.typeName());
  }

  /** An integer operand that fits a long (OPA's {@code IntOperand}). */
  static long longOperand(Value[] args, int i) {
    NumberValue n = Operands.number(args, i);
    if (!n.isLong()) {
      throw notInteger(i + 1);
    }
    return n.longValue();
  }

  /** An int operand; integers beyond int range are clamped, as no string or array reaches them. */
  static int intOperand(Value[] args, int i) {
    long v = longOperand(args, i);
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  /** An integer operand of any size (OPA's {@code BigIntOperand}). */
  static BigInteger bigIntOperand(Value[] args, int i) {
    if (!(args[i] instanceof NumberValue n)) {
      throw BuiltinException.operandType(i + 1, "integer", args[i]);
    }
    if (!n.isInteger()) {
      throw notInteger(i + 1);
    }
    return exact(n);
  }

  /** Numbers reaching further than this many decimal digits from the point are refused, not expanded. */
  static final int MAX_DIGITS = 100_000;

  /** Guards exact expansion: 1e999999999 is a short literal but a huge integer. */
  static NumberValue bounded(NumberValue n) {
    if (!n.isLong()) {
      BigDecimal d = n.bigDecimalValue();
      if (Math.abs((long) d.precision() - d.scale()) > MAX_DIGITS || Math.abs((long) d.scale()) > MAX_DIGITS) {
        throw error("number too large");
      }
    }
    return n;
  }

  /** An integer's exact value, within {@link #MAX_DIGITS}. */
  static BigInteger exact(NumberValue n) {
    return bounded(n).bigIntegerValue();
  }

  /** The strings of an array or set operand (OPA's {@code StringSliceOperand}). */
  static String[] strings(Value v, int operand) {
    Value[] elements =
        switch (v) {
          case ArrayValue a -> a.toArray();
          case SetValue s -> s.asList().toArray(new Value[0]);
          default -> throw BuiltinException.operandType(operand, "one of {array, set}", v);
        };
    String[] out = new String[elements.length];
    for (int i = 0; i < elements.length; i++) {
      if (!(elements[i] instanceof StringValue s)) {
        throw elementError(operand, v, elements[i], "string");
      }
      out[i] = s.value();
    }
    return out;
  }

  /** The elements of an array or set, in order, without copying where possible. */
  static Iterable<Value> elements(Value v) {
    return switch (v) {
      case ArrayValue a -> a.asList();
      case SetValue s -> s.asList();
      default -> throw new IllegalArgumentException("not a collection: " + v.typeName());
    };
  }

  static BuiltinException error(String message) {
    return BuiltinException.error(message);
  }
}
