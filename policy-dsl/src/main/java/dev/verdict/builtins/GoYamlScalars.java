package dev.verdict.builtins;

import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * go-yaml v2's YAML 1.1 resolution of plain scalars: booleans ({@code yes}, {@code on}, {@code y}
 * …), nulls, ints in any of strconv's bases ({@code 0x1F}, {@code 010}, {@code 1_000}), floats,
 * non-finite floats and timestamps, which sigs.k8s.io/yaml turns into RFC 3339 strings.
 */
final class GoYamlScalars {

  private GoYamlScalars() {}

  /** A float JSON cannot hold (.inf, .nan), kept until it is known whether JSON is wanted. */
  record NonFinite(String text) {}

  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern TIMESTAMP_START = Pattern.compile("[0-9]{4}-.*");
  private static final Map<String, Value> WORDS = Map.ofEntries(
      Map.entry("y", BooleanValue.TRUE), Map.entry("Y", BooleanValue.TRUE), Map.entry("yes", BooleanValue.TRUE),
      Map.entry("Yes", BooleanValue.TRUE), Map.entry("YES", BooleanValue.TRUE), Map.entry("true", BooleanValue.TRUE),
      Map.entry("True", BooleanValue.TRUE), Map.entry("TRUE", BooleanValue.TRUE), Map.entry("on", BooleanValue.TRUE),
      Map.entry("On", BooleanValue.TRUE), Map.entry("ON", BooleanValue.TRUE),
      Map.entry("n", BooleanValue.FALSE), Map.entry("N", BooleanValue.FALSE), Map.entry("no", BooleanValue.FALSE),
      Map.entry("No", BooleanValue.FALSE), Map.entry("NO", BooleanValue.FALSE), Map.entry("false", BooleanValue.FALSE),
      Map.entry("False", BooleanValue.FALSE), Map.entry("FALSE", BooleanValue.FALSE), Map.entry("off", BooleanValue.FALSE),
      Map.entry("Off", BooleanValue.FALSE), Map.entry("OFF", BooleanValue.FALSE),
      Map.entry("", NullValue.NULL), Map.entry("~", NullValue.NULL), Map.entry("null", NullValue.NULL),
      Map.entry("Null", NullValue.NULL), Map.entry("NULL", NullValue.NULL));

  /** go-yaml v2's resolution of a plain scalar: a Value, or a NonFinite float. */
  static Object resolve(String in) {
    Value word = WORDS.get(in);
    if (word != null) {
      return word;
    }
    switch (in) {
      case ".nan", ".NaN", ".NAN" -> {
        return new NonFinite("NaN");
      }
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
        return new NonFinite("+Inf");
      }
      case "-.inf", "-.Inf", "-.INF" -> {
        return new NonFinite("-Inf");
      }
      default -> {}
    }
    if (in.isEmpty()) {
      return StringValue.EMPTY;
    }
    char c = in.charAt(0);
    if (c == '.') {
      Double d = parseFloat(in);
      return d != null ? NumberValue.of(d) : StringValue.of(in);
    }
    if (c != '+' && c != '-' && (c < '0' || c > '9')) {
      return StringValue.of(in);
    }
    if (TIMESTAMP_START.matcher(in).matches()) {
      String t = timestamp(in);
      if (t != null) {
        return StringValue.of(t);
      }
    }
    String plain = in.replace("_", "");
    BigInteger i = parseGoInt(plain);
    if (i != null && i.bitLength() < 64) {
      return NumberValue.of(i);
    }
    if (i != null && i.signum() > 0 && i.bitLength() <= 64) {
      return NumberValue.of(i); // uint64
    }
    if (FLOAT.matcher(plain).matches()) {
      Double d = parseFloat(plain);
      if (d != null) {
        return NumberValue.of(d);
      }
    }
    return StringValue.of(in);
  }

  /** strconv.ParseFloat, declining values beyond float64 (which go-yaml then keeps as strings). */
  private static Double parseFloat(String s) {
    try {
      double d = new BigDecimal(s.startsWith("+") ? s.substring(1) : s).doubleValue();
      return Double.isInfinite(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** strconv.ParseInt(s, 0, 64) syntax: optional sign, then 0x / 0o / 0b / 0 (octal) or decimal. */
  private static BigInteger parseGoInt(String s) {
    int i = 0;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      neg = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int k = 0; k < body.length(); k++) {
      if (Character.digit(body.charAt(k), radix) < 0 || body.charAt(k) > 'z') {
        return null;
      }
    }
    BigInteger v = new BigInteger(body, radix);
    return neg ? v.negate() : v;
  }

  private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
      .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE).appendLiteral('-')
      .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE).toFormatter();

  /**
   * go-yaml's timestamps ("2006-1-2", "2006-1-2 15:4:5.999999999", "2006-1-2T15:4:5.999999999Z07:00"),
   * as JSON renders a Go time: RFC 3339 with nanoseconds trimmed.
   */
  private static String timestamp(String s) {
    try {
      int sep = indexOfAny(s, "Tt ");
      if (sep < 0) {
        return LocalDate.parse(s, DATE).atStartOfDay().atOffset(ZoneOffset.UTC).format(RFC3339);
      }
      LocalDate date = LocalDate.parse(s.substring(0, sep), DATE);
      String rest = s.substring(sep + 1);
      java.util.regex.Matcher m = Pattern.compile(
          "([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})?").matcher(rest);
      if (!m.matches() || (s.charAt(sep) == ' ' && m.group(5) != null) || (s.charAt(sep) != ' ' && m.group(5) == null)) {
        return null;
      }
      int nanos = m.group(4) == null ? 0 : Integer.parseInt((m.group(4).substring(1) + "00000000").substring(0, 9));
      LocalDateTime t = date.atTime(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), nanos);
      ZoneOffset zone = m.group(5) == null || m.group(5).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(5));
      return OffsetDateTime.of(t, zone).format(RFC3339);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
      .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .appendOffset("+HH:MM", "Z").toFormatter();

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
