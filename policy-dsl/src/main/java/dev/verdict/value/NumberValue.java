package dev.verdict.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact number. Integers that fit a {@code long} are held as one (the fast path); every other
 * number is a {@link BigDecimal} with trailing zeros stripped, so that {@code 1}, {@code 1.0} and
 * {@code 1e0} are one value with one hash code.
 */
public final class NumberValue implements Value {

  static final int TYPE_ORDER = 2;
  private static final NumberValue[] SMALL = new NumberValue[1024 + 128];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new NumberValue(i - 128, null);
    }
  }

  public static final NumberValue ZERO = of(0);
  public static final NumberValue ONE = of(1);

  private final long small;
  private final BigDecimal big;

  private NumberValue(long small, BigDecimal big) {
    this.small = small;
    this.big = big;
  }

  public static NumberValue of(long n) {
    return n >= -128 && n < SMALL.length - 128 ? SMALL[(int) n + 128] : new NumberValue(n, null);
  }

  public static NumberValue of(int n) {
    return of((long) n);
  }

  public static NumberValue of(BigInteger n) {
    return n.bitLength() < 64 ? of(n.longValue()) : new NumberValue(0, new BigDecimal(n).stripTrailingZeros());
  }

  public static NumberValue of(BigDecimal n) {
    if (n.signum() == 0) {
      return ZERO;
    }
    BigDecimal stripped = n.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
      return of(stripped.longValueExact());
    }
    if (stripped.scale() <= 0) {
      BigInteger asInteger = stripped.toBigIntegerExact();
      if (asInteger.bitLength() < 64) {
        return of(asInteger.longValue());
      }
    }
    return new NumberValue(0, stripped);
  }

  /** Converts a finite double exactly as its shortest decimal text reads (as Go prints it). */
  public static NumberValue of(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new ArithmeticException("number is not finite: " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
      return of((long) d);
    }
    return of(new BigDecimal(Double.toString(d)));
  }

  /** Parses JSON/Rego number text; throws {@link NumberFormatException} on bad text. */
  public static NumberValue parse(String text) {
    int n = text.length();
    if (n > 0 && n <= 18) {
      boolean digits = true;
      for (int i = text.charAt(0) == '-' ? 1 : 0; i < n && digits; i++) {
        char c = text.charAt(i);
        digits = c >= '0' && c <= '9';
      }
      if (digits && !(n == 1 && text.charAt(0) == '-')) {
        return of(Long.parseLong(text));
      }
    }
    return of(new BigDecimal(text));
  }

  /** True when the number is integral and fits a long. */
  public boolean isLong() {
    return big == null;
  }

  /** True when the number has no fractional part. */
  public boolean isInteger() {
    return big == null || big.scale() <= 0;
  }

  /** The value as a long; only meaningful when {@link #isLong()}. */
  public long longValue() {
    return big == null ? small : big.longValue();
  }

  /** The value as an int when it is an integer in int range, otherwise {@code null}. */
  public Integer intValueExact() {
    if (big == null && small >= Integer.MIN_VALUE && small <= Integer.MAX_VALUE) {
      return (int) small;
    }
    return null;
  }

  public BigDecimal bigDecimalValue() {
    return big == null ? BigDecimal.valueOf(small) : big;
  }

  /** The integer value; callers check {@link #isInteger()} first. */
  public BigInteger bigIntegerValue() {
    return big == null ? BigInteger.valueOf(small) : big.toBigInteger();
  }

  public double doubleValue() {
    return big == null ? (double) small : big.doubleValue();
  }

  public int signum() {
    return big == null ? Long.signum(small) : big.signum();
  }

  @Override
  public int typeOrder() {
    return TYPE_ORDER;
  }

  @Override
  public String typeName() {
    return "number";
  }

  @Override
  public int compareSameType(Value other) {
    NumberValue o = (NumberValue) other;
    if (big == null && o.big == null) {
      return Long.compare(small, o.small);
    }
    return bigDecimalValue().compareTo(o.bigDecimalValue());
  }

  @Override
  public boolean equals(Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof NumberValue o)) {
      return false;
    }
    if (big == null || o.big == null) {
      return big == o.big && small == o.small;
    }
    return big.equals(o.big);
  }

  @Override
  public int hashCode() {
    return big == null ? Long.hashCode(small) : big.hashCode();
  }

  /** JSON text: plain digits for integers, Java's shortest scientific form for the rest. */
  @Override
  public String toString() {
    if (big == null) {
      return Long.toString(small);
    }
    if (big.scale() <= 0 && big.precision() - big.scale() <= 64) {
      return big.toPlainString();
    }
    if (big.scale() > 0 && big.scale() <= 64) {
      return big.toPlainString();
    }
    return big.toString();
  }
}
