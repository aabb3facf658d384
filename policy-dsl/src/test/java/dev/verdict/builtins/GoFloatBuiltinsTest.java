package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the big.Float emulation behind non-integer arithmetic. */
class GoFloatBuiltinsTest {

  /** 64 mantissa bits tell apart all decimals of up to 18 digits, so those read back unchanged. */
  @Property
  void shortDecimalsRoundTrip(
      @ForAll @LongRange(min = -999_999_999_999_999_999L, max = 999_999_999_999_999_999L) long digits,
      @ForAll @IntRange(min = -40, max = 40) int scale) {
    NumberValue n = NumberValue.of(new BigDecimal(BigInteger.valueOf(digits), scale));
    assertEquals(n, GoFloat.of(n).toNumber());
  }

  /** Integer-valued results of the float path are exact while they fit the mantissa. */
  @Property
  void smallIntegerSumsAreExact(
      @ForAll @LongRange(min = -1L << 40, max = 1L << 40) long a, @ForAll @LongRange(min = -1L << 40, max = 1L << 40) long b) {
    GoFloat x = GoFloat.of(NumberValue.of(new BigDecimal(a).add(new BigDecimal("0.5"))));
    GoFloat y = GoFloat.of(NumberValue.of(new BigDecimal(b).subtract(new BigDecimal("0.5"))));
    assertEquals(NumberValue.of(a + b), x.add(y).toNumber());
  }

  /** Division rounds once: x / y * y lands within one part in 2^62 of x. */
  @Property
  void quotientIsCorrectlyRounded(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long a, @ForAll @LongRange(min = 1, max = 1_000_000) long b) {
    BigDecimal exact = new BigDecimal(a).divide(new BigDecimal(b), 60, java.math.RoundingMode.HALF_EVEN);
    BigDecimal got = GoFloat.of(NumberValue.of(a)).divide(GoFloat.of(NumberValue.of(b))).exact();
    BigDecimal error = got.subtract(exact).abs();
    BigDecimal bound = exact.abs().divide(new BigDecimal(BigInteger.ONE.shiftLeft(63)), 60, java.math.RoundingMode.UP);
    assertEquals(true, error.compareTo(bound) <= 0, () -> a + "/" + b + ": " + got + " vs " + exact);
  }
}
