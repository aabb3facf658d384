package dev.verdict.builtins;

import static dev.verdict.types.Type.NUMBER;

import dev.verdict.value.NumberValue;
import java.math.BigInteger;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;

/** {@code bits.and/or/xor/negate/lsh/rsh} on integers of any size, two's complement as Go's big.Int. */
final class BitsBuiltins {

  /** Go would allocate whatever a shift asks for; a result beyond this many bits is refused. */
  private static final int MAX_SHIFT = 1 << 24;

  private BitsBuiltins() {}

  static void register(BuiltinRegistry r) {
    Signature binary = Signature.of(NUMBER, NUMBER, NUMBER);
    binary(r, binary, "bits.and", (p, q) -> p & q, BigInteger::and);
    binary(r, binary, "bits.or", (p, q) -> p | q, BigInteger::or);
    binary(r, binary, "bits.xor", (p, q) -> p ^ q, BigInteger::xor);
    r.function("bits.negate", Signature.of(NUMBER, NUMBER), (ctx, a) -> NumberValue.of(Args.bigIntOperand(a, 0).not()));
    r.function("bits.lsh", binary, (ctx, a) -> {
      BigInteger x = Args.bigIntOperand(a, 0);
      int shift = shiftCount(Args.bigIntOperand(a, 1));
      return NumberValue.of(x.signum() == 0 ? x : x.shiftLeft(shift));
    });
    r.function("bits.rsh", binary, (ctx, a) -> {
      BigInteger x = Args.bigIntOperand(a, 0);
      BigInteger count = Args.bigIntOperand(a, 1);
      shiftCount(count.min(BigInteger.ZERO));
      // Beyond the operand's width, an arithmetic shift leaves only the sign.
      if (count.compareTo(BigInteger.valueOf(x.bitLength())) >= 0) {
        return NumberValue.of(x.signum() < 0 ? -1 : 0);
      }
      return NumberValue.of(x.shiftRight(count.intValue()));
    });
  }

  private static void binary(
      BuiltinRegistry r, Signature sig, String name, LongBinaryOperator small, BinaryOperator<BigInteger> big) {
    r.function(name, sig, (ctx, a) -> {
      if (a[0] instanceof NumberValue x && x.isLong() && a[1] instanceof NumberValue y && y.isLong()) {
        return NumberValue.of(small.applyAsLong(x.longValue(), y.longValue()));
      }
      return NumberValue.of(big.apply(Args.bigIntOperand(a, 0), Args.bigIntOperand(a, 1)));
    });
  }

  private static int shiftCount(BigInteger count) {
    if (count.signum() < 0) {
      throw Args.operandError(2, "must be an unsigned integer number but got a negative integer");
    }
    if (count.compareTo(BigInteger.valueOf(MAX_SHIFT)) > 0) {
      throw Args.error("shift count too large");
    }
    return count.intValue();
  }
}
