package dev.verdict.builtins;

import static dev.verdict.types.Type.NUMBER;
import static dev.verdict.types.Type.STRING;

import dev.verdict.builtins.gotime.GoDuration;
import dev.verdict.builtins.gotime.GoLayout;
import dev.verdict.builtins.gotime.GoTimeParser;
import dev.verdict.builtins.gotime.GoZones;
import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * {@code time.*}: nanoseconds since the epoch as exact integers, Go's layouts and durations, IANA
 * zones given as {@code [ns, "tz"]} (or {@code [ns, "tz", layout]} for {@code time.format}).
 */
public final class TimeBuiltins {

  private static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE);
  private static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private static final Type NS_OR_TZ =
      Type.anyOf(NUMBER, Type.arrayOf(Type.anyOf(NUMBER, STRING)));
  private static final Type INTS = Type.arrayOf(NUMBER);

  private TimeBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.nondeterministic("time.now_ns", Signature.of(NUMBER), (ctx, a) -> NumberValue.of(ctx.nowNanos()));
    r.function("time.parse_ns", Signature.of(NUMBER, STRING, STRING), (ctx, a) -> parse(
        GoLayout.resolve(Operands.string(a, 0)), Operands.string(a, 1)));
    r.function("time.parse_rfc3339_ns", Signature.of(NUMBER, STRING), (ctx, a) -> parse(
        GoLayout.NAMED.get("RFC3339"), Operands.string(a, 0)));
    r.function("time.parse_duration_ns", Signature.of(NUMBER, STRING), (ctx, a) -> {
      try {
        return NumberValue.of(GoDuration.parseNanos(Operands.string(a, 0)));
      } catch (GoDuration.DurationException e) {
        throw BuiltinException.error(e.getMessage());
      }
    });
    r.function("time.format", Signature.of(STRING, NS_OR_TZ), (ctx, a) -> format(a[0]));
    r.function("time.date", Signature.of(INTS, NS_OR_TZ), (ctx, a) -> {
      ZonedDateTime t = zoned(a[0]).time();
      return ints(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
    });
    r.function("time.clock", Signature.of(INTS, NS_OR_TZ), (ctx, a) -> {
      ZonedDateTime t = zoned(a[0]).time();
      return ints(t.getHour(), t.getMinute(), t.getSecond());
    });
    r.function("time.weekday", Signature.of(STRING, NS_OR_TZ), (ctx, a) -> {
      ZonedDateTime t = zoned(a[0]).time();
      return StringValue.of(goWeekday(t));
    });
    r.function("time.add_date", Signature.of(NUMBER, NS_OR_TZ, NUMBER, NUMBER, NUMBER), (ctx, a) -> {
      ZonedDateTime t = zoned(a[0]).time();
      return addDate(t, intOperand(a, 1), intOperand(a, 2), intOperand(a, 3));
    });
    r.function("time.diff", Signature.of(INTS, NS_OR_TZ, NS_OR_TZ), (ctx, a) -> diff(
        zoned(a[0]).time(), zoned(a[1]).time()));
  }

  /** A time in a zone, plus the layout a {@code time.format} operand may carry. */
  private record Zoned(ZonedDateTime time, String layout) {}

  /** OPA's tzTime: a number of nanoseconds, or [ns], [ns, zone] or [ns, zone, layout]. */
  private static Zoned zoned(Value operand) {
    String expected = "either number (ns) or [number (ns), string (tz)]";
    Value ns;
    ZoneId zone = ZoneOffset.UTC;
    String layout = "";
    switch (operand) {
      case ArrayValue arr -> {
        if (arr.isEmpty()) {
          throw BuiltinException.operandType(1, expected, operand);
        }
        ns = arr.get(0);
        if (!(ns instanceof NumberValue)) {
          throw BuiltinException.operandType(1, "number", ns);
        }
        if (arr.size() > 1) {
          try {
            zone = GoZones.load(elementString(arr, 1));
          } catch (GoZones.UnknownZoneException e) {
            throw BuiltinException.error(e.getMessage());
          }
        }
        if (arr.size() > 2) {
          layout = elementString(arr, 2);
        }
      }
      case NumberValue n -> ns = n;
      default -> throw BuiltinException.operandType(1, expected, operand);
    }
    long nanos = timestamp((NumberValue) ns);
    Instant at = Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    return new Zoned(at.atZone(zone), layout);
  }

  private static String elementString(ArrayValue arr, int i) {
    if (arr.get(i) instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.operandType(1, "string", arr.get(i));
  }

  /** Integral nanoseconds in the int64 range, else OPA's "timestamp too big". */
  private static long timestamp(NumberValue n) {
    if (n.isLong()) {
      return n.longValue();
    }
    BigDecimal d = n.bigDecimalValue();
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw BuiltinException.error("timestamp too big");
    }
  }

  /** OPA's IntOperand: a number that is an integer of Go's int range. */
  private static long intOperand(Value[] args, int i) {
    NumberValue n = Operands.number(args, i);
    if (!n.isLong()) {
      throw new BuiltinException(BuiltinException.Code.TYPE_ERROR,
          "operand " + (i + 1) + " must be integer number but got floating-point number");
    }
    return n.longValue();
  }

  private static Value parse(String layout, String value) {
    Instant t;
    try {
      t = GoTimeParser.parse(layout, value);
    } catch (GoTimeParser.ParseException e) {
      throw BuiltinException.error(e.getMessage());
    }
    return safeNanos(t);
  }

  /** The instant as nanoseconds, or OPA's range error outside what int64 nanoseconds hold. */
  private static Value safeNanos(Instant t) {
    if (t.isBefore(MIN) || t.isAfter(MAX)) {
      throw BuiltinException.error("time outside of valid range");
    }
    long sec = t.getEpochSecond();
    int nano = t.getNano();
    // borrow a second so that the earliest representable instant does not overflow on the way
    return sec < 0 && nano > 0
        ? NumberValue.of((sec + 1) * NANOS_PER_SECOND + (nano - NANOS_PER_SECOND))
        : NumberValue.of(sec * NANOS_PER_SECOND + nano);
  }

  private static Value format(Value operand) {
    Zoned z = zoned(operand);
    String layout = z.layout().isEmpty() ? GoLayout.NAMED.get("RFC3339Nano") : GoLayout.resolve(z.layout());
    ZonedDateTime t = z.time();
    return StringValue.of(GoLayout.format(t, GoZones.abbreviation(t.getZone(), t.toInstant()), layout));
  }

  private static String goWeekday(ZonedDateTime t) {
    String name = t.getDayOfWeek().name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Go's AddDate: the fields are added and then normalized the way Go's {@code time.Date} does
   * (Oct 31 + 1 month is Dec 1), not clamped as Java's plusMonths does.
   */
  private static Value addDate(ZonedDateTime t, long years, long months, long days) {
    try {
      long month0 = Math.addExact(t.getMonthValue() - 1L, months);
      long year = Math.addExact(Math.addExact(t.getYear(), years), Math.floorDiv(month0, 12));
      int month = (int) Math.floorMod(month0, 12) + 1;
      if (year < -1_000_000 || year > 1_000_000) {
        throw BuiltinException.error("time outside of valid range");
      }
      LocalDate date = LocalDate.of((int) year, month, 1)
          .plusDays(Math.addExact(t.getDayOfMonth() - 1L, days));
      LocalDateTime local = LocalDateTime.of(date, t.toLocalTime());
      return safeNanos(goDate(local, t.getZone()));
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw BuiltinException.error("time outside of valid range");
    }
  }

  /** Go's zone resolution for wall-clock fields: the offset in force at the guessed instant. */
  private static Instant goDate(LocalDateTime local, ZoneId zone) {
    long unix = local.toEpochSecond(ZoneOffset.UTC);
    var rules = zone.getRules();
    int offset = rules.getOffset(Instant.ofEpochSecond(unix)).getTotalSeconds();
    if (offset != 0) {
      int actual = rules.getOffset(Instant.ofEpochSecond(unix - offset)).getTotalSeconds();
      offset = actual;
    }
    return Instant.ofEpochSecond(unix - offset, local.getNano());
  }

  /** Calendar difference (years … seconds), after icza's algorithm that OPA uses. */
  private static Value diff(ZonedDateTime t1, ZonedDateTime t2) {
    if (!t1.getZone().equals(t2.getZone())) {
      t2 = t2.withZoneSameInstant(t1.getZone());
    }
    if (t1.toInstant().isAfter(t2.toInstant())) {
      ZonedDateTime swap = t1;
      t1 = t2;
      t2 = swap;
    }
    int year = t2.getYear() - t1.getYear();
    int month = t2.getMonthValue() - t1.getMonthValue();
    int day = t2.getDayOfMonth() - t1.getDayOfMonth();
    int hour = t2.getHour() - t1.getHour();
    int min = t2.getMinute() - t1.getMinute();
    int sec = t2.getSecond() - t1.getSecond();
    if (sec < 0) {
      sec += 60;
      min--;
    }
    if (min < 0) {
      min += 60;
      hour--;
    }
    if (hour < 0) {
      hour += 24;
      day--;
    }
    if (day < 0) {
      day += t1.toLocalDate().lengthOfMonth();
      month--;
    }
    if (month < 0) {
      month += 12;
      year--;
    }
    return ints(year, month, day, hour, min, sec);
  }

  private static ArrayValue ints(int... values) {
    Value[] out = new Value[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = NumberValue.of(values[i]);
    }
    return ArrayValue.wrap(out);
  }
}
