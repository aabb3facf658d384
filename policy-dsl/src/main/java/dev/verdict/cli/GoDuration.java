package dev.verdict.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Durations as Go writes and reads them, since opa's flags ({@code --timeout 1m30s}) and test
 * report ({@code PASS (1.417µs)}) use Go's {@code time.Duration} text.
 */
final class GoDuration {

  private static final Pattern PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** Go's {@code Duration.String()}: {@code 0s}, {@code 426ns}, {@code 1.417µs}, {@code 2.5ms}, {@code 1m30s}. */
  static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    // Long.MIN_VALUE has no positive counterpart; durations that long never occur here.
    long u = nanos == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(nanos);
    if (u < 1_000_000_000L) {
      if (u < 1_000L) {
        return sign + u + "ns";
      }
      if (u < 1_000_000L) {
        return sign + u / 1_000L + fraction(u % 1_000L, 3) + "µs";
      }
      return sign + u / 1_000_000L + fraction(u % 1_000_000L, 6) + "ms";
    }
    long secs = u / 1_000_000_000L;
    String out = secs % 60 + fraction(u % 1_000_000_000L, 9) + "s";
    long mins = secs / 60;
    if (mins > 0) {
      out = mins % 60 + "m" + out;
      long hours = mins / 60;
      if (hours > 0) {
        out = hours + "h" + out;
      }
    }
    return sign + out;
  }

  /** {@code .12} for 120 of 3 digits: trailing zeros and an empty fraction left out. */
  private static String fraction(long value, int digits) {
    String s = String.format("%0" + digits + "d", value).replaceFirst("0+$", "");
    return s.isEmpty() ? "" : "." + s;
  }

  /**
   * Go's {@code time.ParseDuration}: one or more decimal numbers with a unit each ({@code 300ms},
   * {@code 1.5h}, {@code 2h45m}); {@code 0} alone means zero.
   *
   * @throws IllegalArgumentException naming the text when it is not a duration
   */
  static Duration parse(String text) {
    String s = text.strip();
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    Matcher m = PART.matcher(s);
    BigDecimal total = BigDecimal.ZERO;
    int at = 0;
    while (at < s.length()) {
      if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || m.group(1).equals(".")) {
        throw invalid(text);
      }
      total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNITS.get(m.group(2)))));
      at = m.end();
    }
    long nanos = total.longValue();
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(text);
    }
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid duration \"" + text + "\" (examples: 500ms, 10s, 1m30s)");
  }

  /** Lets picocli options take Go durations. */
  static final class Converter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
