package dev.verdict.builtins;

import static dev.verdict.types.Type.NUMBER;
import static dev.verdict.types.Type.STRING;

import dev.verdict.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * {@code units.parse} (SI and binary suffixes, {@code m} for milli, exact rational arithmetic
 * rounded to 10 decimals) and {@code units.parse_bytes} (case-insensitive byte suffixes,
 * computed in a 64-bit big.Float and truncated), as OPA defines them.
 */
final class UnitsBuiltins {

  private UnitsBuiltins() {}

  private static final BigInteger KI = BigInteger.valueOf(1024);
  private static final BigInteger K = BigInteger.valueOf(1000);

  /** OPA's milli is the float64 0.001, taken exactly. */
  private static final BigDecimal MILLI = new BigDecimal(0.001);

  private static final Map<String, BigInteger> SI = Map.ofEntries(
      Map.entry("", BigInteger.ONE),
      Map.entry("k", K), Map.entry("K", K), Map.entry("ki", KI), Map.entry("Ki", KI),
      Map.entry("M", K.pow(2)), Map.entry("mi", KI.pow(2)), Map.entry("Mi", KI.pow(2)),
      Map.entry("g", K.pow(3)), Map.entry("G", K.pow(3)), Map.entry("gi", KI.pow(3)), Map.entry("Gi", KI.pow(3)),
      Map.entry("t", K.pow(4)), Map.entry("T", K.pow(4)), Map.entry("ti", KI.pow(4)), Map.entry("Ti", KI.pow(4)),
      Map.entry("p", K.pow(5)), Map.entry("P", K.pow(5)), Map.entry("pi", KI.pow(5)), Map.entry("Pi", KI.pow(5)),
      Map.entry("e", K.pow(6)), Map.entry("E", K.pow(6)), Map.entry("ei", KI.pow(6)), Map.entry("Ei", KI.pow(6)));

  private static final Map<String, BigInteger> BYTES = Map.ofEntries(
      Map.entry("", BigInteger.ONE),
      Map.entry("kb", K), Map.entry("k", K), Map.entry("kib", KI), Map.entry("ki", KI),
      Map.entry("mb", K.pow(2)), Map.entry("m", K.pow(2)), Map.entry("mib", KI.pow(2)), Map.entry("mi", KI.pow(2)),
      Map.entry("gb", K.pow(3)), Map.entry("g", K.pow(3)), Map.entry("gib", KI.pow(3)), Map.entry("gi", KI.pow(3)),
      Map.entry("tb", K.pow(4)), Map.entry("t", K.pow(4)), Map.entry("tib", KI.pow(4)), Map.entry("ti", KI.pow(4)),
      Map.entry("pb", K.pow(5)), Map.entry("p", K.pow(5)), Map.entry("pib", KI.pow(5)), Map.entry("pi", KI.pow(5)),
      Map.entry("eb", K.pow(6)), Map.entry("e", K.pow(6)), Map.entry("eib", KI.pow(6)), Map.entry("ei", KI.pow(6)));

  private static final int MAX_EXPONENT_DIGITS = 6;

  static void register(BuiltinRegistry r) {
    r.function("units.parse", Signature.of(NUMBER, STRING), (ctx, a) -> parse(Operands.string(a, 0)));
    r.function("units.parse_bytes", Signature.of(NUMBER, STRING), (ctx, a) -> parseBytes(Operands.string(a, 0)));
  }

  static NumberValue parse(String raw) {
    String s = raw.replace("\"", "");
    if (s.contains(" ")) {
      throw Args.error("spaces not allowed in resource strings");
    }
    String[] numUnit = split(s);
    String num = numUnit[0];
    String unit = numUnit[1];
    if (num.isEmpty()) {
      throw Args.error("no amount provided");
    }
    // Only what follows the first letter is lowercased, so that m (milli) and M (mega) differ.
    if (unit.length() > 1) {
      unit = unit.charAt(0) + unit.substring(1).toLowerCase(Locale.ROOT);
    }
    BigDecimal multiplier;
    if (unit.equals("m")) {
      multiplier = MILLI;
    } else if (SI.containsKey(unit)) {
      multiplier = new BigDecimal(SI.get(unit));
    } else {
      throw Args.error("unit " + unit + " not recognized");
    }
    if (!GoStrings.DECIMAL.matcher(num).matches()) {
      throw Args.error("could not parse amount to a number");
    }
    BigDecimal value = new BigDecimal(num.startsWith("+") ? num.substring(1) : num).multiply(multiplier);
    if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
      return NumberValue.of(value);
    }
    // big.Rat.FloatString(10): ten decimals, halves away from zero.
    return NumberValue.of(value.setScale(10, RoundingMode.HALF_UP));
  }

  static NumberValue parseBytes(String raw) {
    String s = raw.toLowerCase(Locale.ROOT).replace("\"", "");
    if (s.contains(" ")) {
      throw Args.error("spaces not allowed in resource strings");
    }
    String[] numUnit = split(s);
    if (numUnit[0].isEmpty()) {
      throw Args.error("no byte amount provided");
    }
    BigInteger multiplier = BYTES.get(numUnit[1]);
    if (multiplier == null) {
      throw Args.error("byte unit " + numUnit[1] + " not recognized");
    }
    if (!GoStrings.DECIMAL.matcher(numUnit[0]).matches()) {
      throw Args.error("could not parse byte amount to a number");
    }
    String num = numUnit[0].startsWith("+") ? numUnit[0].substring(1) : numUnit[0];
    GoFloat f = GoFloat.of(NumberValue.of(new BigDecimal(num))).multiply(GoFloat.ofInteger(multiplier));
    return NumberValue.of(f.truncate());
  }

  /**
   * The number and the unit: the number runs over digits, dots, signs and exponents ({@code e}
   * followed by a digit or sign); the unit is the rest.
   */
  private static String[] split(String s) {
    int firstNonNum = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean numeric = (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-';
      if (!numeric && c != 'e' && c != 'E') {
        firstNonNum = i;
        break;
      }
      if (c == 'e' || c == 'E') {
        char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        if (!(next >= '0' && next <= '9') && next != '+' && next != '-') {
          firstNonNum = i;
          break;
        }
        if (next == '+' || next == '-') {
          i++;
        }
        int start = i + 1;
        int end = start;
        while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
          end++;
        }
        if (end - start > MAX_EXPONENT_DIGITS) {
          throw Args.error("exponent too large");
        }
      }
    }
    if (firstNonNum < 0) {
      return new String[] {s, ""};
    }
    return new String[] {s.substring(0, firstNonNum), s.substring(firstNonNum)};
  }
}
