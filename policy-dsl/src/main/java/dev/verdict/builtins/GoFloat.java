package dev.verdict.builtins;

import dev.verdict.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * OPA computes with non-integers in Go's {@code big.Float} at the 64-bit mantissa that
 * {@code SetString} gives, rounding to nearest-even after every operation, and turns results back
 * into numbers with {@code Text('g', -1)}: the shortest decimal that reads back as the same
 * 64-bit float. This class reproduces both, so that {@code 1 / 3} is
 * {@code 0.3333333333333333333} and {@code 0.1 + 0.2} is {@code 0.3}, exactly as OPA answers.
 *
 * <p>A value is {@code sign * mant * 2^exp} with {@code mant} holding exactly 64 bits, or zero.
 */
final class GoFloat {

  static final int PREC = 64;
  static final GoFloat ZERO = new GoFloat(0, BigInteger.ZERO, 0);
  static final GoFloat HALF = of(NumberValue.parse("0.5"));

  private final int sign;
  private final BigInteger mant;
  private final long exp;

  private GoFloat(int sign, BigInteger mant, long exp) {
    this.sign = sign;
    this.mant = mant;
    this.exp = exp;
  }

  static GoFloat of(NumberValue n) {
    if (n.isLong()) {
      return ofInteger(BigInteger.valueOf(n.longValue()));
    }
    BigDecimal d = Args.bounded(n).bigDecimalValue();
    int sign = d.signum();
    if (sign == 0) {
      return ZERO;
    }
    BigInteger u = d.unscaledValue().abs();
    int scale = d.scale();
    if (scale <= 0) {
      return round(sign, u.multiply(BigInteger.TEN.pow(-scale)), 0);
    }
    return roundRatio(sign, u, BigInteger.TEN.pow(scale), 0);
  }

  static GoFloat ofInteger(BigInteger i) {
    return i.signum() == 0 ? ZERO : round(i.signum(), i.abs(), 0);
  }

  /** Rounds {@code sign * n * 2^e} (n &gt; 0) to the mantissa width, ties to even. */
  private static GoFloat round(int sign, BigInteger n, long e) {
    int bits = n.bitLength();
    if (bits <= PREC) {
      return new GoFloat(sign, n.shiftLeft(PREC - bits), e - (PREC - bits));
    }
    int shift = bits - PREC;
    BigInteger q = n.shiftRight(shift);
    boolean half = n.testBit(shift - 1);
    boolean sticky = n.getLowestSetBit() < shift - 1;
    if (half && (sticky || q.testBit(0))) {
      q = q.add(BigInteger.ONE);
      if (q.bitLength() > PREC) {
        q = q.shiftRight(1);
        shift++;
      }
    }
    return new GoFloat(sign, q, e + shift);
  }

  /** Rounds {@code sign * p / q * 2^e}: a quotient with spare bits plus a sticky bit rounds once. */
  private static GoFloat roundRatio(int sign, BigInteger p, BigInteger q, long e) {
    int k = PREC + 3 + q.bitLength() - p.bitLength();
    BigInteger num = k >= 0 ? p.shiftLeft(k) : p;
    BigInteger den = k >= 0 ? q : q.shiftLeft(-k);
    BigInteger[] qr = num.divideAndRemainder(den);
    BigInteger withSticky = qr[0].shiftLeft(1).or(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
    return round(sign, withSticky, e - k - 1);
  }

  boolean isZero() {
    return sign == 0;
  }

  int signum() {
    return sign;
  }

  GoFloat negate() {
    return sign == 0 ? this : new GoFloat(-sign, mant, exp);
  }

  GoFloat abs() {
    return sign < 0 ? negate() : this;
  }

  GoFloat add(GoFloat o) {
    if (sign == 0) {
      return o;
    }
    if (o.sign == 0) {
      return this;
    }
    GoFloat big = exp >= o.exp ? this : o;
    GoFloat small = big == this ? o : this;
    // Far below the larger operand's last bit, the smaller one only decides the rounding
    // direction; any value that far down decides it alike, so cap the shift.
    long smallExp = Math.max(small.exp, big.exp - 4 * PREC);
    BigInteger smallMant = smallExp == small.exp ? small.mant : BigInteger.ONE;
    BigInteger a = big.mant.shiftLeft((int) (big.exp - smallExp));
    BigInteger sum = big.sign > 0 ? a : a.negate();
    sum = small.sign > 0 ? sum.add(smallMant) : sum.subtract(smallMant);
    return sum.signum() == 0 ? ZERO : round(sum.signum(), sum.abs(), smallExp);
  }

  GoFloat subtract(GoFloat o) {
    return add(o.negate());
  }

  GoFloat multiply(GoFloat o) {
    if (sign == 0 || o.sign == 0) {
      return ZERO;
    }
    return round(sign * o.sign, mant.multiply(o.mant), exp + o.exp);
  }

  /** The quotient; the caller rules out a zero divisor. */
  GoFloat divide(GoFloat o) {
    if (sign == 0) {
      return ZERO;
    }
    return roundRatio(sign * o.sign, mant, o.mant, exp - o.exp);
  }

  boolean isInteger() {
    return sign == 0 || exp >= 0 || mant.getLowestSetBit() >= -exp;
  }

  /** The integer part, truncated toward zero (Go's {@code Float.Int}). */
  BigInteger truncate() {
    if (sign == 0) {
      return BigInteger.ZERO;
    }
    BigInteger m = exp >= 0 ? mant.shiftLeft((int) exp) : (-exp >= PREC ? BigInteger.ZERO : mant.shiftRight((int) -exp));
    return sign < 0 ? m.negate() : m;
  }

  int compareTo(GoFloat o) {
    return exact().compareTo(o.exact());
  }

  /** The exact value. */
  BigDecimal exact() {
    if (sign == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal m = new BigDecimal(sign < 0 ? mant.negate() : mant);
    if (exp >= 0) {
      return m.multiply(new BigDecimal(BigInteger.TWO.pow((int) exp)));
    }
    // m / 2^k == m * 5^k / 10^k, exactly.
    int k = (int) -exp;
    return new BigDecimal(m.unscaledValue().multiply(BigInteger.valueOf(5).pow(k)), k);
  }

  /** The number OPA makes of this float: its shortest round-tripping decimal. */
  NumberValue toNumber() {
    if (sign == 0) {
      return NumberValue.ZERO;
    }
    Decimal d = Decimal.of(mant, exp);
    shortest(d);
    return NumberValue.of(d.toBigDecimal(sign));
  }

  /**
   * Go's {@code roundShortest}: the fewest digits of {@code d} that still lie strictly between
   * the neighbours half an ulp away (inclusive when the mantissa is even).
   */
  private void shortest(Decimal d) {
    BigInteger twice = mant.shiftLeft(1);
    Decimal lower = Decimal.of(twice.subtract(BigInteger.ONE), exp - 1);
    Decimal upper = Decimal.of(twice.add(BigInteger.ONE), exp - 1);
    boolean inclusive = !mant.testBit(0);
    for (int i = 0; i < d.digits.length(); i++) {
      char l = lower.at(i);
      char m = d.at(i);
      char u = upper.at(i);
      boolean okDown = l != m || inclusive && i + 1 == lower.digits.length();
      boolean okUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.digits.length());
      if (okDown && okUp) {
        d.round(i + 1);
        return;
      } else if (okDown) {
        d.roundDown(i + 1);
        return;
      } else if (okUp) {
        d.roundUp(i + 1);
        return;
      }
    }
  }

  /** Go's {@code math/big} decimal: digits without trailing zeros, value {@code 0.digits * 10^point}. */
  private static final class Decimal {
    String digits;
    int point;

    private Decimal(String digits, int point) {
      this.digits = digits;
      this.point = point;
    }

    static Decimal of(BigInteger m, long e) {
      BigDecimal v = e >= 0
          ? new BigDecimal(m.shiftLeft((int) e))
          : new BigDecimal(m.multiply(BigInteger.valueOf(5).pow((int) -e)), (int) -e);
      v = v.stripTrailingZeros();
      String s = v.unscaledValue().toString();
      return new Decimal(s, s.length() - v.scale());
    }

    char at(int i) {
      return i < digits.length() ? digits.charAt(i) : '0';
    }

    void round(int n) {
      if (n >= digits.length()) {
        return;
      }
      boolean up = digits.charAt(n) == '5' && n + 1 == digits.length()
          ? n > 0 && ((digits.charAt(n - 1) - '0') & 1) != 0
          : digits.charAt(n) >= '5';
      if (up) {
        roundUp(n);
      } else {
        roundDown(n);
      }
    }

    void roundUp(int n) {
      if (n >= digits.length()) {
        return;
      }
      while (n > 0 && digits.charAt(n - 1) >= '9') {
        n--;
      }
      if (n == 0) {
        digits = "1";
        point++;
        return;
      }
      digits = digits.substring(0, n - 1) + (char) (digits.charAt(n - 1) + 1);
    }

    void roundDown(int n) {
      if (n >= digits.length()) {
        return;
      }
      int end = n;
      while (end > 0 && digits.charAt(end - 1) == '0') {
        end--;
      }
      digits = digits.substring(0, end);
    }

    BigDecimal toBigDecimal(int sign) {
      BigInteger unscaled = new BigInteger(digits);
      return new BigDecimal(sign < 0 ? unscaled.negate() : unscaled, digits.length() - point);
    }
  }
}
