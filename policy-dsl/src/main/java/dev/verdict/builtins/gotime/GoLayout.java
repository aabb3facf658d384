package dev.verdict.builtins.gotime;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Go's reference-time layouts ({@code "2006-01-02T15:04:05Z07:00"}), tokenized exactly as Go's
 * {@code time} package does, so that {@code time.parse_ns} and {@code time.format} accept and
 * produce what OPA does. Parsing lives in {@link GoTimeParser}.
 */
public final class GoLayout {

  /** The layout names OPA accepts in place of a layout. */
  public static final Map<String, String> NAMED =
      Map.of(
          "ANSIC", "Mon Jan _2 15:04:05 2006",
          "UnixDate", "Mon Jan _2 15:04:05 MST 2006",
          "RubyDate", "Mon Jan 02 15:04:05 -0700 2006",
          "RFC822", "02 Jan 06 15:04 MST",
          "RFC822Z", "02 Jan 06 15:04 -0700",
          "RFC850", "Monday, 02-Jan-06 15:04:05 MST",
          "RFC1123", "Mon, 02 Jan 2006 15:04:05 MST",
          "RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700",
          "RFC3339", "2006-01-02T15:04:05Z07:00",
          "RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00");

  static final String[] LONG_MONTHS = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
  };
  static final String[] SHORT_MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  static final String[] LONG_DAYS = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
  };
  static final String[] SHORT_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

  /** The layout elements Go recognizes. */
  enum Std {
    NONE, LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
    UNDER_YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND,
    ZERO_SECOND, LONG_YEAR, YEAR, PM, LOWER_PM, TZ, ISO8601_TZ, ISO8601_SECONDS_TZ,
    ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ, NUM_TZ, NUM_SECONDS_TZ,
    NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ, FRAC_SECOND0, FRAC_SECOND9;

    boolean isIso8601() {
      return this == ISO8601_TZ || this == ISO8601_SECONDS_TZ || this == ISO8601_SHORT_TZ
          || this == ISO8601_COLON_TZ || this == ISO8601_COLON_SECONDS_TZ;
    }

    boolean isNumericZone() {
      return isIso8601() || this == NUM_TZ || this == NUM_SECONDS_TZ || this == NUM_SHORT_TZ
          || this == NUM_COLON_TZ || this == NUM_COLON_SECONDS_TZ;
    }
  }

  /**
   * One step of a layout: literal {@code prefix}, then the element {@code std} (NONE at the end),
   * then the rest of the layout. Fractional seconds carry their digit count and separator.
   */
  record Chunk(String prefix, Std std, String stdText, int digits, char separator, String suffix) {}

  private static final Std[] STD_0X = {
    Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE, Std.ZERO_SECOND, Std.YEAR
  };

  private GoLayout() {}

  /** The named layout's text when {@code layout} is one of {@link #NAMED}, else the layout. */
  public static String resolve(String layout) {
    return NAMED.getOrDefault(layout, layout);
  }

  /** Go's nextStdChunk: finds the first layout element in {@code layout}. */
  static Chunk next(String layout) {
    int n = layout.length();
    for (int i = 0; i < n; i++) {
      char c = layout.charAt(i);
      switch (c) {
        case 'J' -> {
          if (layout.startsWith("Jan", i)) {
            if (layout.startsWith("January", i)) {
              return chunk(layout, i, 7, Std.LONG_MONTH);
            }
            if (!startsWithLower(layout, i + 3)) {
              return chunk(layout, i, 3, Std.MONTH);
            }
          }
        }
        case 'M' -> {
          if (layout.startsWith("Mon", i)) {
            if (layout.startsWith("Monday", i)) {
              return chunk(layout, i, 6, Std.LONG_WEEKDAY);
            }
            if (!startsWithLower(layout, i + 3)) {
              return chunk(layout, i, 3, Std.WEEKDAY);
            }
          }
          if (layout.startsWith("MST", i)) {
            return chunk(layout, i, 3, Std.TZ);
          }
        }
        case '0' -> {
          if (i + 1 < n && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
            return chunk(layout, i, 2, STD_0X[layout.charAt(i + 1) - '1']);
          }
          if (layout.startsWith("002", i)) {
            return chunk(layout, i, 3, Std.ZERO_YEAR_DAY);
          }
        }
        case '1' -> {
          if (i + 1 < n && layout.charAt(i + 1) == '5') {
            return chunk(layout, i, 2, Std.HOUR);
          }
          return chunk(layout, i, 1, Std.NUM_MONTH);
        }
        case '2' -> {
          if (layout.startsWith("2006", i)) {
            return chunk(layout, i, 4, Std.LONG_YEAR);
          }
          return chunk(layout, i, 1, Std.DAY);
        }
        case '_' -> {
          if (i + 1 < n && layout.charAt(i + 1) == '2') {
            // "_2006" is a literal underscore followed by the long year
            if (layout.startsWith("2006", i + 1)) {
              return chunk(layout, i + 1, 4, Std.LONG_YEAR);
            }
            return chunk(layout, i, 2, Std.UNDER_DAY);
          }
          if (layout.startsWith("__2", i)) {
            return chunk(layout, i, 3, Std.UNDER_YEAR_DAY);
          }
        }
        case '3' -> {
          return chunk(layout, i, 1, Std.HOUR12);
        }
        case '4' -> {
          return chunk(layout, i, 1, Std.MINUTE);
        }
        case '5' -> {
          return chunk(layout, i, 1, Std.SECOND);
        }
        case 'P' -> {
          if (i + 1 < n && layout.charAt(i + 1) == 'M') {
            return chunk(layout, i, 2, Std.PM);
          }
        }
        case 'p' -> {
          if (i + 1 < n && layout.charAt(i + 1) == 'm') {
            return chunk(layout, i, 2, Std.LOWER_PM);
          }
        }
        case '-' -> {
          Chunk z = zone(layout, i, "-070000", Std.NUM_SECONDS_TZ, "-07:00:00", Std.NUM_COLON_SECONDS_TZ,
              "-0700", Std.NUM_TZ, "-07:00", Std.NUM_COLON_TZ, "-07", Std.NUM_SHORT_TZ);
          if (z != null) {
            return z;
          }
        }
        case 'Z' -> {
          Chunk z = zone(layout, i, "Z070000", Std.ISO8601_SECONDS_TZ, "Z07:00:00", Std.ISO8601_COLON_SECONDS_TZ,
              "Z0700", Std.ISO8601_TZ, "Z07:00", Std.ISO8601_COLON_TZ, "Z07", Std.ISO8601_SHORT_TZ);
          if (z != null) {
            return z;
          }
        }
        case '.', ',' -> {
          if (i + 1 < n && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
            char ch = layout.charAt(i + 1);
            int j = i + 1;
            while (j < n && layout.charAt(j) == ch) {
              j++;
            }
            // only a fractional second when the run of digits ends here
            if (!(j < n && isDigit(layout.charAt(j)))) {
              Std std = ch == '0' ? Std.FRAC_SECOND0 : Std.FRAC_SECOND9;
              return new Chunk(layout.substring(0, i), std, layout.substring(i, j), j - (i + 1), c,
                  layout.substring(j));
            }
          }
        }
        default -> {}
      }
    }
    return new Chunk(layout, Std.NONE, "", 0, '.', "");
  }

  private static Chunk zone(String layout, int i, Object... candidates) {
    for (int k = 0; k < candidates.length; k += 2) {
      String text = (String) candidates[k];
      if (layout.startsWith(text, i)) {
        return chunk(layout, i, text.length(), (Std) candidates[k + 1]);
      }
    }
    return null;
  }

  private static Chunk chunk(String layout, int at, int len, Std std) {
    return new Chunk(layout.substring(0, at), std, layout.substring(at, at + len), 0, '.',
        layout.substring(at + len));
  }

  private static boolean startsWithLower(String s, int i) {
    return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Go's {@code Time.Format}: {@code zoneName} is the zone abbreviation ("" when unknown). */
  public static String format(ZonedDateTime t, String zoneName, String layout) {
    StringBuilder b = new StringBuilder(layout.length() + 10);
    String rest = layout;
    while (!rest.isEmpty()) {
      Chunk c = next(rest);
      b.append(c.prefix());
      if (c.std() == Std.NONE) {
        break;
      }
      rest = c.suffix();
      appendElement(b, t, zoneName, c);
    }
    return b.toString();
  }

  private static void appendElement(StringBuilder b, ZonedDateTime t, String zoneName, Chunk c) {
    int year = t.getYear();
    int hour = t.getHour();
    switch (c.std()) {
      case YEAR -> appendInt(b, Math.abs(year) % 100, 2);
      case LONG_YEAR -> appendInt(b, year, 4);
      case MONTH -> b.append(SHORT_MONTHS[t.getMonthValue() - 1]);
      case LONG_MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1]);
      case NUM_MONTH -> appendInt(b, t.getMonthValue(), 0);
      case ZERO_MONTH -> appendInt(b, t.getMonthValue(), 2);
      case WEEKDAY -> b.append(SHORT_DAYS[weekday(t.getDayOfWeek())]);
      case LONG_WEEKDAY -> b.append(LONG_DAYS[weekday(t.getDayOfWeek())]);
      case DAY -> appendInt(b, t.getDayOfMonth(), 0);
      case UNDER_DAY -> {
        if (t.getDayOfMonth() < 10) {
          b.append(' ');
        }
        appendInt(b, t.getDayOfMonth(), 0);
      }
      case ZERO_DAY -> appendInt(b, t.getDayOfMonth(), 2);
      case UNDER_YEAR_DAY -> {
        int yday = t.getDayOfYear();
        if (yday < 100) {
          b.append(yday < 10 ? "  " : " ");
        }
        appendInt(b, yday, 0);
      }
      case ZERO_YEAR_DAY -> appendInt(b, t.getDayOfYear(), 3);
      case HOUR -> appendInt(b, hour, 2);
      case HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 0);
      case ZERO_HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 2);
      case MINUTE -> appendInt(b, t.getMinute(), 0);
      case ZERO_MINUTE -> appendInt(b, t.getMinute(), 2);
      case SECOND -> appendInt(b, t.getSecond(), 0);
      case ZERO_SECOND -> appendInt(b, t.getSecond(), 2);
      case PM -> b.append(hour >= 12 ? "PM" : "AM");
      case LOWER_PM -> b.append(hour >= 12 ? "pm" : "am");
      case TZ -> {
        if (!zoneName.isEmpty()) {
          b.append(zoneName);
        } else {
          appendOffset(b, t.getOffset().getTotalSeconds(), Std.NUM_TZ);
        }
      }
      case FRAC_SECOND0, FRAC_SECOND9 -> appendNano(b, t.getNano(), c);
      default -> appendOffset(b, t.getOffset().getTotalSeconds(), c.std());
    }
  }

  private static int weekday(DayOfWeek d) {
    return d.getValue() % 7;
  }

  private static void appendOffset(StringBuilder b, int offset, Std std) {
    if (offset == 0 && std.isIso8601()) {
      b.append('Z');
      return;
    }
    int zone = offset / 60;
    int abs = offset;
    if (zone < 0) {
      b.append('-');
      zone = -zone;
      abs = -abs;
    } else {
      b.append('+');
    }
    appendInt(b, zone / 60, 2);
    boolean colon = std == Std.ISO8601_COLON_TZ || std == Std.NUM_COLON_TZ
        || std == Std.ISO8601_COLON_SECONDS_TZ || std == Std.NUM_COLON_SECONDS_TZ;
    if (colon) {
      b.append(':');
    }
    if (std != Std.NUM_SHORT_TZ && std != Std.ISO8601_SHORT_TZ) {
      appendInt(b, zone % 60, 2);
    }
    if (std == Std.ISO8601_SECONDS_TZ || std == Std.NUM_SECONDS_TZ
        || std == Std.NUM_COLON_SECONDS_TZ || std == Std.ISO8601_COLON_SECONDS_TZ) {
      if (colon) {
        b.append(':');
      }
      appendInt(b, abs % 60, 2);
    }
  }

  private static void appendNano(StringBuilder b, int nanos, Chunk c) {
    boolean trim = c.std() == Std.FRAC_SECOND9;
    int n = c.digits();
    if (trim && (n == 0 || nanos == 0)) {
      return;
    }
    int start = b.length();
    b.append(c.separator());
    String digits = String.format(Locale.ROOT, "%09d", nanos);
    b.append(digits, 0, Math.min(n, 9));
    if (trim) {
      int end = b.length();
      while (end > start && b.charAt(end - 1) == '0') {
        end--;
      }
      if (end > start && b.charAt(end - 1) == c.separator()) {
        end--;
      }
      b.setLength(end);
    }
  }

  /** Go's appendInt: a sign, then the magnitude zero-padded to {@code width}. */
  static void appendInt(StringBuilder b, long x, int width) {
    if (x < 0) {
      b.append('-');
      x = -x;
    }
    String s = Long.toString(x);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    b.append(s);
  }
}
