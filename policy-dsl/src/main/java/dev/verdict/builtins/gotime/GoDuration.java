package dev.verdict.builtins.gotime;

import java.util.Map;

/** Go's {@code time.ParseDuration}: "300ms", "-1.5h", "2h45m", with Go's limits and messages. */
public final class GoDuration {

  private static final long HIGH_BIT = Long.MIN_VALUE; // 1<<63 as an unsigned value
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L, // micro sign
          "\u03bcs", 1_000L, // Greek mu
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** Thrown with Go's error text. */
  public static final class DurationException extends RuntimeException {
    DurationException(String message) {
      super(message, null, false, false);
    }
  }

  /** The duration in nanoseconds. Arithmetic is unsigned 64-bit, as in Go. */
  public static long parseNanos(String orig) {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    long d = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (!(c == '.' || GoLayout.isDigit(c))) {
        throw invalid(orig);
      }
      int start = i;
      long v = 0;
      for (; i < n && GoLayout.isDigit(s.charAt(i)); i++) {
        if (Long.compareUnsigned(v, Long.divideUnsigned(HIGH_BIT, 10)) > 0) {
          throw invalid(orig);
        }
        v = v * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(v, HIGH_BIT) > 0) {
          throw invalid(orig);
        }
      }
      boolean pre = i != start;
      boolean post = false;
      long f = 0;
      double scale = 1;
      if (i < n && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        boolean overflow = false;
        for (; i < n && GoLayout.isDigit(s.charAt(i)); i++) {
          if (overflow) {
            continue;
          }
          if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
            overflow = true;
            continue;
          }
          long y = f * 10 + (s.charAt(i) - '0');
          if (Long.compareUnsigned(y, HIGH_BIT) > 0) {
            overflow = true;
            continue;
          }
          f = y;
          scale *= 10;
        }
        post = i != fracStart;
      }
      if (!pre && !post) {
        throw invalid(orig);
      }
      int unitStart = i;
      for (; i < n; i++) {
        char u = s.charAt(i);
        if (u == '.' || GoLayout.isDigit(u)) {
          break;
        }
      }
      if (i == unitStart) {
        throw new DurationException("time: missing unit in duration " + GoTimeParser.quote(orig));
      }
      String u = s.substring(unitStart, i);
      Long unit = UNITS.get(u);
      if (unit == null) {
        throw new DurationException(
            "time: unknown unit " + GoTimeParser.quote(u) + " in duration " + GoTimeParser.quote(orig));
      }
      if (Long.compareUnsigned(v, Long.divideUnsigned(HIGH_BIT, unit)) > 0) {
        throw invalid(orig);
      }
      v *= unit;
      if (f > 0) {
        // Go adds the fraction through float64, which is nanosecond-exact up to hours
        v += (long) ((double) f * ((double) unit / scale));
        if (Long.compareUnsigned(v, HIGH_BIT) > 0) {
          throw invalid(orig);
        }
      }
      d += v;
      if (Long.compareUnsigned(d, HIGH_BIT) > 0) {
        throw invalid(orig);
      }
    }
    if (neg) {
      return -d;
    }
    if (Long.compareUnsigned(d, Long.MAX_VALUE) > 0) {
      throw invalid(orig);
    }
    return d;
  }

  private static DurationException invalid(String orig) {
    return new DurationException("time: invalid duration " + GoTimeParser.quote(orig));
  }
}
