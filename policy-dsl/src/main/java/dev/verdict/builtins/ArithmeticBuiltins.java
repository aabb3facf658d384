package dev.verdict.builtins;

import static dev.verdict.types.Type.NUMBER;
import static dev.verdict.types.Type.STRING;

import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * {@code plus minus mul div rem abs round ceil floor numbers.range numbers.range_step rand.intn}.
 * Integers are exact (long fast path, BigInteger beyond); everything else goes through
 * {@link GoFloat}, as OPA goes through {@code big.Float}.
 */
final class ArithmeticBuiltins {

  private ArithmeticBuiltins() {}

  static void register(BuiltinRegistry r) {
    Signature binary = Signature.of(NUMBER, NUMBER, NUMBER);
    Signature unary = Signature.of(NUMBER, NUMBER);
    Type numberOrSet = Type.anyOf(NUMBER, Type.ANY_SET);
    r.function("plus", binary, (ctx, a) -> plus(Operands.number(a, 0), Operands.number(a, 1)));
    r.function("minus", Signature.of(numberOrSet, numberOrSet, numberOrSet), (ctx, a) -> minus(a));
    r.function("mul", binary, (ctx, a) -> multiply(Operands.number(a, 0), Operands.number(a, 1)));
    r.function("div", binary, (ctx, a) -> divide(Operands.number(a, 0), Operands.number(a, 1)));
    r.function("rem", binary, (ctx, a) -> remainder(Operands.number(a, 0), Operands.number(a, 1)));
    r.function("abs", unary, (ctx, a) -> abs(Operands.number(a, 0)));
    r.function("round", unary, (ctx, a) -> round(Operands.number(a, 0)));
    r.function("ceil", unary, (ctx, a) -> ceil(Operands.number(a, 0)));
    r.function("floor", unary, (ctx, a) -> floor(Operands.number(a, 0)));
    r.function(
        "numbers.range",
        Signature.of(Type.arrayOf(NUMBER), NUMBER, NUMBER),
        (ctx, a) -> range(ctx, Args.bigIntOperand(a, 0), Args.bigIntOperand(a, 1), BigInteger.ONE));
    r.function(
        "numbers.range_step",
        Signature.of(Type.arrayOf(NUMBER), NUMBER, NUMBER, NUMBER),
        (ctx, a) -> {
          BigInteger from = Args.bigIntOperand(a, 0);
          BigInteger to = Args.bigIntOperand(a, 1);
          BigInteger step = Args.bigIntOperand(a, 2);
          if (step.signum() <= 0) {
            throw Args.error("step must be a positive integer");
          }
          return range(ctx, from, to, step);
        });
    r.nondeterministic("rand.intn", Signature.of(NUMBER, STRING, NUMBER), ArithmeticBuiltins::randIntn);
  }

  static NumberValue plus(NumberValue x, NumberValue y) {
    return apply(x, y, Math::addExact, BigInteger::add, GoFloat::add);
  }

  static NumberValue subtract(NumberValue x, NumberValue y) {
    return apply(x, y, Math::subtractExact, BigInteger::subtract, GoFloat::subtract);
  }

  static NumberValue multiply(NumberValue x, NumberValue y) {
    return apply(x, y, Math::multiplyExact, BigInteger::multiply, GoFloat::multiply);
  }

  /** Longs while the result fits, exact integers beyond, big.Float once either side has a fraction. */
  private static NumberValue apply(
      NumberValue x,
      NumberValue y,
      LongBinaryOperator small,
      BinaryOperator<BigInteger> exact,
      BinaryOperator<GoFloat> inexact) {
    if (x.isLong() && y.isLong()) {
      try {
        return NumberValue.of(small.applyAsLong(x.longValue(), y.longValue()));
      } catch (ArithmeticException overflow) {
        // falls through to BigInteger
      }
    }
    return exactOrFloat(x, y, exact, inexact);
  }

  private static NumberValue exactOrFloat(
      NumberValue x, NumberValue y, BinaryOperator<BigInteger> exact, BinaryOperator<GoFloat> inexact) {
    if (x.isInteger() && y.isInteger()) {
      return NumberValue.of(exact.apply(Args.exact(x), Args.exact(y)));
    }
    return inexact.apply(GoFloat.of(x), GoFloat.of(y)).toNumber();
  }

  /** Exact when a long divisor divides a nonzero long dividend; a float quotient otherwise, as OPA. */
  static NumberValue divide(NumberValue x, NumberValue y) {
    if (x.isLong() && y.isLong()) {
      long a = x.longValue();
      long b = y.longValue();
      if (b == 0) {
        throw Args.error("divide by zero");
      }
      if (a != 0 && a % b == 0 && !(a == Long.MIN_VALUE && b == -1)) {
        return NumberValue.of(a / b);
      }
    }
    if (y.signum() == 0) {
      throw Args.error("divide by zero");
    }
    return GoFloat.of(x).divide(GoFloat.of(y)).toNumber();
  }

  static NumberValue remainder(NumberValue x, NumberValue y) {
    if (!x.isInteger() || !y.isInteger()) {
      throw Args.error("modulo on floating-point number");
    }
    if (y.signum() == 0) {
      throw Args.error("modulo by zero");
    }
    if (x.isLong() && y.isLong()) {
      return NumberValue.of(x.longValue() % y.longValue());
    }
    return NumberValue.of(Args.exact(x).remainder(Args.exact(y)));
  }

  private static Value minus(Value[] args) {
    Value a = args[0];
    Value b = args[1];
    if (a instanceof NumberValue x && b instanceof NumberValue y) {
      return subtract(x, y);
    }
    if (a instanceof SetValue s && b instanceof SetValue t) {
      return s.minus(t);
    }
    if (!(a instanceof NumberValue) && !(a instanceof SetValue)) {
      throw BuiltinException.operandType(1, "one of {number, set}", a);
    }
    throw BuiltinException.operandType(2, b instanceof NumberValue ? "set" : "number", b);
  }

  static NumberValue abs(NumberValue n) {
    if (n.isLong()) {
      long v = n.longValue();
      return v >= 0 ? n : v == Long.MIN_VALUE ? NumberValue.of(BigInteger.valueOf(v).negate()) : NumberValue.of(-v);
    }
    return GoFloat.of(n).abs().toNumber();
  }

  /** Half away from zero, computed as OPA does: add or subtract one half, then truncate. */
  static NumberValue round(NumberValue n) {
    if (n.isLong()) {
      return n;
    }
    GoFloat f = GoFloat.of(n);
    GoFloat shifted = f.signum() < 0 ? f.subtract(GoFloat.HALF) : f.add(GoFloat.HALF);
    return NumberValue.of(shifted.truncate());
  }

  static NumberValue ceil(NumberValue n) {
    return toIntegerTowards(n, 1);
  }

  static NumberValue floor(NumberValue n) {
    return toIntegerTowards(n, -1);
  }

  private static NumberValue toIntegerTowards(NumberValue n, int direction) {
    if (n.isLong()) {
      return n;
    }
    GoFloat f = GoFloat.of(n);
    BigInteger i = f.truncate();
    if (!f.isInteger() && f.signum() == direction) {
      i = i.add(BigInteger.valueOf(direction));
    }
    return NumberValue.of(i);
  }

  private static final int LIMIT_CHECK_INTERVAL = 4096;

  /** Inclusive range from {@code from} to {@code to}, ascending or descending by {@code step}. */
  private static ArrayValue range(BuiltinContext ctx, BigInteger from, BigInteger to, BigInteger step) {
    int direction = from.compareTo(to) <= 0 ? 1 : -1;
    if (from.bitLength() < 63 && to.bitLength() < 63 && step.bitLength() < 63) {
      long a = from.longValue();
      long b = to.longValue();
      long s = step.longValue() * direction;
      long count = (Math.abs(b - a) / step.longValue()) + 1;
      if (count > Integer.MAX_VALUE - 8) {
        throw Args.error("range too large");
      }
      Value[] out = new Value[(int) count];
      for (int i = 0; i < out.length; i++) {
        if ((i & (LIMIT_CHECK_INTERVAL - 1)) == LIMIT_CHECK_INTERVAL - 1) {
          ctx.checkLimits();
        }
        out[i] = NumberValue.of(a + i * s);
      }
      return ArrayValue.wrap(out);
    }
    List<Value> out = new ArrayList<>();
    BigInteger s = direction > 0 ? step : step.negate();
    for (BigInteger i = from; direction > 0 ? i.compareTo(to) <= 0 : i.compareTo(to) >= 0; i = i.add(s)) {
      if ((out.size() & (LIMIT_CHECK_INTERVAL - 1)) == LIMIT_CHECK_INTERVAL - 1) {
        ctx.checkLimits();
      }
      out.add(NumberValue.of(i));
    }
    return ArrayValue.of(out);
  }

  private record RandKey(String seed, long bound) {}

  /** Equal operands draw the same number within one query, as OPA's per-query cache does. */
  private static Value randIntn(BuiltinContext ctx, Value[] args) {
    String seed = Operands.string(args, 0);
    long n = Args.longOperand(args, 1);
    if (n == 0) {
      return NumberValue.ZERO;
    }
    long bound = n == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(n);
    return ctx.queryCache(
        new RandKey(seed, bound), k -> NumberValue.of(ThreadLocalRandom.current().nextLong(bound)));
  }
}
