package dev.verdict.builtins.gotime;

import dev.verdict.builtins.gotime.GoLayout.Chunk;
import dev.verdict.builtins.gotime.GoLayout.Std;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Go's {@code time.Parse} (UTC default location, the process zone as local), step by step as Go
 * does it, with Go's error messages ({@code parsing time "x" as "y": cannot parse "x" as "y"}).
 */
public final class GoTimeParser {

  private static final int[] DAYS_BEFORE = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

  private final String layout;
  private final String value;
  private int year;
  private int month = -1;
  private int day = -1;
  private int yday = -1;
  private int hour;
  private int min;
  private int sec;
  private int nsec;
  private boolean utc;
  private int zoneOffset = -1;
  private String zoneName = "";
  private String rangeErr = "";

  private GoTimeParser(String layout, String value) {
    this.layout = layout;
    this.value = value;
  }

  /** Parses {@code value} with a Go layout; returns the instant it names. */
  public static Instant parse(String layout, String value) {
    return new GoTimeParser(layout, value).run();
  }

  /** Thrown with Go's error text. */
  public static final class ParseException extends RuntimeException {
    ParseException(String message) {
      super(message, null, false, false);
    }
  }

  /** Go's bad-value signal inside one element; turned into a ParseException naming the element. */
  private static final class Bad extends Exception {
    static final Bad INSTANCE = new Bad();

    private Bad() {
      super(null, null, false, false);
    }
  }

  private Instant run() {
    String lay = layout;
    String val = value;
    boolean amSet = false;
    boolean pmSet = false;
    while (true) {
      Chunk c = GoLayout.next(lay);
      String afterPrefix = skip(val, c.prefix());
      if (afterPrefix == null) {
        throw cannotParse(c.prefix(), val);
      }
      val = afterPrefix;
      if (c.std() == Std.NONE) {
        if (!val.isEmpty()) {
          throw new ParseException("parsing time " + quote(value) + ": extra text: " + quote(val));
        }
        break;
      }
      lay = c.suffix();
      String hold = val;
      try {
        switch (c.std()) {
          case YEAR -> {
            need(val.length() >= 2);
            year = atoi(val.substring(0, 2));
            val = val.substring(2);
            year += year >= 69 ? 1900 : 2000;
          }
          case LONG_YEAR -> {
            need(val.length() >= 4 && GoLayout.isDigit(val.charAt(0)));
            year = atoi(val.substring(0, 4));
            val = val.substring(4);
          }
          case MONTH, LONG_MONTH -> {
            String[] names = c.std() == Std.MONTH ? GoLayout.SHORT_MONTHS : GoLayout.LONG_MONTHS;
            int i = lookup(names, val);
            month = i + 1;
            val = val.substring(names[i].length());
          }
          case NUM_MONTH, ZERO_MONTH -> {
            int[] r = getnum(val, c.std() == Std.ZERO_MONTH);
            month = r[0];
            val = val.substring(r[1]);
            if (month <= 0 || month > 12) {
              rangeErr = "month";
            }
          }
          case WEEKDAY, LONG_WEEKDAY -> {
            String[] names = c.std() == Std.WEEKDAY ? GoLayout.SHORT_DAYS : GoLayout.LONG_DAYS;
            val = val.substring(names[lookup(names, val)].length());
          }
          case DAY, UNDER_DAY, ZERO_DAY -> {
            if (c.std() == Std.UNDER_DAY && val.startsWith(" ")) {
              val = val.substring(1);
            }
            int[] r = getnum(val, c.std() == Std.ZERO_DAY);
            day = r[0];
            val = val.substring(r[1]);
          }
          case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
            for (int i = 0; i < 2; i++) {
              if (c.std() == Std.UNDER_YEAR_DAY && val.startsWith(" ")) {
                val = val.substring(1);
              }
            }
            int[] r = getnum3(val, c.std() == Std.ZERO_YEAR_DAY);
            yday = r[0];
            val = val.substring(r[1]);
          }
          case HOUR -> {
            int[] r = getnum(val, false);
            hour = r[0];
            val = val.substring(r[1]);
            if (hour >= 24) {
              rangeErr = "hour";
            }
          }
          case HOUR12, ZERO_HOUR12 -> {
            int[] r = getnum(val, c.std() == Std.ZERO_HOUR12);
            hour = r[0];
            val = val.substring(r[1]);
            if (hour > 12) {
              rangeErr = "hour";
            }
          }
          case MINUTE, ZERO_MINUTE -> {
            int[] r = getnum(val, c.std() == Std.ZERO_MINUTE);
            min = r[0];
            val = val.substring(r[1]);
            if (min >= 60) {
              rangeErr = "minute";
            }
          }
          case SECOND, ZERO_SECOND -> val = second(val, c, lay);
          case PM, LOWER_PM -> {
            need(val.length() >= 2);
            String p = val.substring(0, 2);
            val = val.substring(2);
            boolean upper = c.std() == Std.PM;
            if (p.equals(upper ? "PM" : "pm")) {
              pmSet = true;
            } else if (p.equals(upper ? "AM" : "am")) {
              amSet = true;
            } else {
              throw Bad.INSTANCE;
            }
          }
          case TZ -> val = zoneAbbreviation(val);
          case FRAC_SECOND0 -> {
            int ndigit = 1 + c.digits();
            need(val.length() >= ndigit);
            nsec = nanoseconds(val, ndigit);
            val = val.substring(ndigit);
          }
          case FRAC_SECOND9 -> {
            if (val.length() >= 2 && commaOrPeriod(val.charAt(0)) && GoLayout.isDigit(val.charAt(1))) {
              int i = 0;
              while (i + 1 < val.length() && GoLayout.isDigit(val.charAt(i + 1))) {
                i++;
              }
              nsec = nanoseconds(val, 1 + i);
              val = val.substring(1 + i);
            }
          }
          default -> val = numericZone(val, c.std());
        }
      } catch (Bad e) {
        throw cannotParse(c.stdText(), hold);
      }
      if (!rangeErr.isEmpty()) {
        throw new ParseException("parsing time " + quote(value) + ": " + rangeErr + " out of range");
      }
    }
    if (pmSet && hour < 12) {
      hour += 12;
    } else if (amSet && hour == 12) {
      hour = 0;
    }
    resolveDay();
    long local = LocalDateTime.of(year, month, day, hour, min, sec).toEpochSecond(ZoneOffset.UTC);
    return Instant.ofEpochSecond(local - offsetSeconds(local), nsec);
  }

  private String second(String val, Chunk c, String restOfLayout) throws Bad {
    int[] r = getnum(val, c.std() == Std.ZERO_SECOND);
    sec = r[0];
    val = val.substring(r[1]);
    if (sec >= 60) {
      rangeErr = "second";
      return val;
    }
    // a fractional second in the value without one in the layout is accepted, as Go does
    if (val.length() >= 2 && commaOrPeriod(val.charAt(0)) && GoLayout.isDigit(val.charAt(1))) {
      Std nextStd = GoLayout.next(restOfLayout).std();
      if (nextStd == Std.FRAC_SECOND0 || nextStd == Std.FRAC_SECOND9) {
        return val;
      }
      int n = 2;
      while (n < val.length() && GoLayout.isDigit(val.charAt(n))) {
        n++;
      }
      nsec = nanoseconds(val, n);
      val = val.substring(n);
    }
    return val;
  }

  private String numericZone(String val, Std std) throws Bad {
    if (std.isIso8601() && val.startsWith("Z")) {
      utc = true;
      return val.substring(1);
    }
    String sign;
    String hh;
    String mm = "00";
    String ss = "00";
    String rest;
    switch (std) {
      case ISO8601_COLON_TZ, NUM_COLON_TZ -> {
        need(val.length() >= 6 && val.charAt(3) == ':');
        hh = val.substring(1, 3);
        mm = val.substring(4, 6);
        rest = val.substring(6);
      }
      case NUM_SHORT_TZ, ISO8601_SHORT_TZ -> {
        need(val.length() >= 3);
        hh = val.substring(1, 3);
        rest = val.substring(3);
      }
      case ISO8601_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
        need(val.length() >= 9 && val.charAt(3) == ':' && val.charAt(6) == ':');
        hh = val.substring(1, 3);
        mm = val.substring(4, 6);
        ss = val.substring(7, 9);
        rest = val.substring(9);
      }
      case ISO8601_SECONDS_TZ, NUM_SECONDS_TZ -> {
        need(val.length() >= 7);
        hh = val.substring(1, 3);
        mm = val.substring(3, 5);
        ss = val.substring(5, 7);
        rest = val.substring(7);
      }
      default -> {
        need(val.length() >= 5);
        hh = val.substring(1, 3);
        mm = val.substring(3, 5);
        rest = val.substring(5);
      }
    }
    sign = val.substring(0, 1);
    int hr = getnum(hh, true)[0];
    int mi = getnum(mm, true)[0];
    int se = getnum(ss, true)[0];
    if (hr > 24) {
      rangeErr = "time zone offset hour";
    }
    if (mi > 60) {
      rangeErr = "time zone offset minute";
    }
    if (se > 60) {
      rangeErr = "time zone offset second";
    }
    zoneOffset = (hr * 60 + mi) * 60 + se;
    switch (sign) {
      case "+" -> {}
      case "-" -> zoneOffset = -zoneOffset;
      default -> throw Bad.INSTANCE;
    }
    return rest;
  }

  private String zoneAbbreviation(String val) throws Bad {
    if (val.startsWith("UTC")) {
      utc = true;
      return val.substring(3);
    }
    int n = timeZoneLength(val);
    need(n > 0);
    zoneName = val.substring(0, n);
    return val.substring(n);
  }

  /** Go's parseTimeZone: the length of a plausible zone abbreviation, 0 when there is none. */
  private static int timeZoneLength(String v) {
    if (v.length() < 3) {
      return 0;
    }
    if (v.startsWith("ChST") || v.startsWith("MeST")) {
      return 4;
    }
    if (v.startsWith("GMT")) {
      return v.length() == 3 ? 3 : 3 + signedOffsetLength(v.substring(3));
    }
    if (v.charAt(0) == '+' || v.charAt(0) == '-') {
      return signedOffsetLength(v);
    }
    int upper = 0;
    while (upper < 6 && upper < v.length() && v.charAt(upper) >= 'A' && v.charAt(upper) <= 'Z') {
      upper++;
    }
    return switch (upper) {
      case 3 -> 3;
      case 4 -> v.charAt(3) == 'T' || v.startsWith("WITA") ? 4 : 0;
      case 5 -> v.charAt(4) == 'T' ? 5 : 0;
      default -> 0;
    };
  }

  private static int signedOffsetLength(String v) {
    char sign = v.charAt(0);
    if (sign != '-' && sign != '+') {
      return 0;
    }
    int i = 1;
    long x = 0;
    while (i < v.length() && GoLayout.isDigit(v.charAt(i))) {
      x = x * 10 + (v.charAt(i) - '0');
      if (x > 24 * 60 * 60) {
        return 0;
      }
      i++;
    }
    return i == 1 ? 0 : i;
  }

  private void resolveDay() {
    if (yday >= 0) {
      int d = 0;
      int m = 0;
      boolean leap = Year.isLeap(year);
      if (leap) {
        if (yday == 31 + 29) {
          m = 2;
          d = 29;
        } else if (yday > 31 + 29) {
          yday--;
        }
      }
      if (yday < 1 || yday > 365) {
        throw new ParseException("parsing time " + quote(value) + ": day-of-year out of range");
      }
      if (m == 0) {
        m = (yday - 1) / 31 + 1;
        if (DAYS_BEFORE[m] < yday) {
          m++;
        }
        d = yday - DAYS_BEFORE[m - 1];
      }
      if (month >= 0 && month != m) {
        throw new ParseException("parsing time " + quote(value) + ": day-of-year does not match month");
      }
      month = m;
      if (day >= 0 && day != d) {
        throw new ParseException("parsing time " + quote(value) + ": day-of-year does not match day");
      }
      day = d;
    } else {
      if (month < 0) {
        month = 1;
      }
      if (day < 0) {
        day = 1;
      }
    }
    if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      throw new ParseException("parsing time " + quote(value) + ": day out of range");
    }
  }

  /** The UTC offset the parsed fields are in, following Go's zone rules for parsed times. */
  private int offsetSeconds(long localSeconds) {
    if (utc) {
      return 0;
    }
    if (zoneOffset != -1) {
      return zoneOffset;
    }
    if (!zoneName.isEmpty()) {
      // Go uses the local zone when the abbreviation is the local one at that time
      ZoneId local = ZoneId.systemDefault();
      Instant guess = Instant.ofEpochSecond(localSeconds);
      if (GoZones.abbreviation(local, guess).equals(zoneName)) {
        return local.getRules().getOffset(guess).getTotalSeconds();
      }
      if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
        String digits = zoneName.substring(3);
        return Integer.parseInt(digits.startsWith("+") ? digits.substring(1) : digits) * 3600;
      }
    }
    return 0;
  }

  private static void need(boolean ok) throws Bad {
    if (!ok) {
      throw Bad.INSTANCE;
    }
  }

  /** Go's skip: matches the literal prefix, where a space matches any run of spaces. */
  private static String skip(String val, String prefix) {
    int p = 0;
    int v = 0;
    while (p < prefix.length()) {
      if (prefix.charAt(p) == ' ') {
        if (v < val.length() && val.charAt(v) != ' ') {
          return null;
        }
        while (p < prefix.length() && prefix.charAt(p) == ' ') {
          p++;
        }
        while (v < val.length() && val.charAt(v) == ' ') {
          v++;
        }
        continue;
      }
      if (v >= val.length() || val.charAt(v) != prefix.charAt(p)) {
        return null;
      }
      p++;
      v++;
    }
    return val.substring(v);
  }

  /** Case-insensitive (ASCII) prefix lookup in a name table; the index of the match. */
  private static int lookup(String[] names, String val) throws Bad {
    for (int i = 0; i < names.length; i++) {
      if (val.length() >= names[i].length() && val.regionMatches(true, 0, names[i], 0, names[i].length())) {
        return i;
      }
    }
    throw Bad.INSTANCE;
  }

  /** One or two digits (exactly two when fixed): {value, characters consumed}. */
  private static int[] getnum(String s, boolean fixed) throws Bad {
    if (s.isEmpty() || !GoLayout.isDigit(s.charAt(0))) {
      throw Bad.INSTANCE;
    }
    if (s.length() < 2 || !GoLayout.isDigit(s.charAt(1))) {
      if (fixed) {
        throw Bad.INSTANCE;
      }
      return new int[] {s.charAt(0) - '0', 1};
    }
    return new int[] {(s.charAt(0) - '0') * 10 + (s.charAt(1) - '0'), 2};
  }

  private static int[] getnum3(String s, boolean fixed) throws Bad {
    int n = 0;
    int i = 0;
    for (; i < 3 && i < s.length() && GoLayout.isDigit(s.charAt(i)); i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    if (i == 0 || fixed && i != 3) {
      throw Bad.INSTANCE;
    }
    return new int[] {n, i};
  }

  /** Go's time.atoi: optional sign, then only digits. */
  private static int atoi(String s) throws Bad {
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      return 0;
    }
    long x = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!GoLayout.isDigit(s.charAt(i))) {
        throw Bad.INSTANCE;
      }
      x = x * 10 + (s.charAt(i) - '0');
      if (x > Integer.MAX_VALUE) {
        throw Bad.INSTANCE;
      }
    }
    return (int) (neg ? -x : x);
  }

  private static boolean commaOrPeriod(char c) {
    return c == '.' || c == ',';
  }

  /** The fraction in {@code value[1:nbytes]} (at most nine digits count) as nanoseconds. */
  private int nanoseconds(String val, int nbytes) throws Bad {
    if (!commaOrPeriod(val.charAt(0))) {
      throw Bad.INSTANCE;
    }
    if (nbytes > 10) {
      nbytes = 10;
    }
    int ns = atoi(val.substring(1, nbytes));
    if (ns < 0) {
      rangeErr = "fractional second";
      return 0;
    }
    for (int i = 0; i < 10 - nbytes; i++) {
      ns *= 10;
    }
    return ns;
  }

  private ParseException cannotParse(String layoutElem, String valueElem) {
    return new ParseException("parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse "
        + quote(valueElem) + " as " + quote(layoutElem));
  }

  /** Go's time.quote: double quotes; control and non-ASCII characters as \x escapes of their UTF-8 bytes. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 || cp >= 0x80) {
        for (byte x : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          b.append(String.format("\\x%02x", x & 0xff));
        }
      } else {
        if (cp == '"' || cp == '\\') {
          b.append('\\');
        }
        b.append((char) cp);
      }
    });
    return b.append('"').toString();
  }
}
