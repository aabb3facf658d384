package dev.verdict.builtins;

import static dev.verdict.builtins.BuiltinCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.builtins.BuiltinException.Code;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations from OPA's time conformance cases plus Go layout and duration semantics. */
class TimeBuiltinsTest {

  private final BuiltinCalls b = new BuiltinCalls();

  @Test
  void nowIsTheQueryClock() {
    assertEquals(NumberValue.of(1_700_000_000_000_000_000L), b.call("time.now_ns"));
    assertEquals(false, BuiltinRegistry.standard().get("time.now_ns").deterministic());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "2006-01-02T15:04:05Z07:00|2017-06-02T19:00:00-07:00|1496455200000000000",
    "2006-01-02T15:04:05Z07:00|1677-09-21T00:12:43.145224192-00:00|-9223372036854775808",
    "2006-01-02T15:04:05Z07:00|2262-04-11T23:47:16.854775807-00:00|9223372036854775807",
    "01/02 03:04:05PM '06 -0700|06/02 07:00:00PM '17 -0700|1496455200000000000",
    "02 Jan 06 15:04 -0700|02 Jun 17 19:00 -0700|1496455200000000000",
    "RFC822Z|02 Jun 17 19:00 -0700|1496455200000000000",
    "2006-01-02|2020-02-02|1580601600000000000",
    "Mon Jan _2 15:04:05 2006|Tue Feb  4 10:00:00 2020|1580810400000000000",
    "ANSIC|Tue Feb  4 10:00:00 2020|1580810400000000000",
    "2006-01-02 15:04:05.000|2020-01-01 00:00:00.123|1577836800123000000",
    "2006-01-02T15:04:05.999999999Z07:00|2020-01-01T00:00:00Z|1577836800000000000",
    "2006-002|2020-060|1582934400000000000",
    "January 2 2006 3pm|march 5 2021 4pm|1614960000000000000",
  })
  void parseNs(String layout, String value, String expected) {
    assertEquals(json(expected), b.call("time.parse_ns", StringValue.of(layout), StringValue.of(value)));
  }

  @Test
  void parseOutsideTheNanosecondRange() {
    b.assertError(Code.BUILTIN_ERROR, "time outside of valid range", "time.parse_ns",
        StringValue.of("2006-01-02T15:04:05Z07:00"), StringValue.of("1677-09-21T00:12:43.145224191-00:00"));
    b.assertError(Code.BUILTIN_ERROR, "time outside of valid range", "time.parse_rfc3339_ns",
        StringValue.of("2262-04-11T23:47:16.854775808-00:00"));
  }

  @Test
  void parseErrorsAreGos() {
    b.assertError(Code.BUILTIN_ERROR,
        "parsing time \"2020-13-01\": month out of range", "time.parse_ns",
        StringValue.of("2006-01-02"), StringValue.of("2020-13-01"));
    b.assertError(Code.BUILTIN_ERROR,
        "parsing time \"20x0-01-01\" as \"2006-01-02\": cannot parse \"20x0-01-01\" as \"2006\"",
        "time.parse_ns", StringValue.of("2006-01-02"), StringValue.of("20x0-01-01"));
    b.assertError(Code.BUILTIN_ERROR, "parsing time \"2020-01-01x\": extra text: \"x\"",
        "time.parse_ns", StringValue.of("2006-01-02"), StringValue.of("2020-01-01x"));
    b.assertError(Code.BUILTIN_ERROR, "parsing time \"2021-02-29\": day out of range",
        "time.parse_ns", StringValue.of("2006-01-02"), StringValue.of("2021-02-29"));
    b.assertError(Code.TYPE_ERROR, "operand 2 must be string but got number",
        "time.parse_ns", StringValue.of("2006-01-02"), NumberValue.of(1));
  }

  @Test
  void rfc3339() {
    b.assertCall("-9223372036854775808", "time.parse_rfc3339_ns", "\"1677-09-21T00:12:43.145224192-00:00\"");
    b.assertCall("0", "time.parse_rfc3339_ns", "\"1970-01-01T00:00:00-00:00\"");
    b.assertCall("1496455200000000000", "time.parse_rfc3339_ns", "\"2017-06-02T19:00:00-07:00\"");
    b.assertCall("9223372036854775807", "time.parse_rfc3339_ns", "\"2262-04-11T23:47:16.854775807-00:00\"");
  }

  @ParameterizedTest
  @CsvSource({
    "100ms,100000000", "1h,3600000000000", "-1.5h,-5400000000000", "2h45m,9900000000000",
    "1us,1000", "1µs,1000", "0,0", "+5s,5000000000", ".5s,500000000", "1.000000001s,1000000001",
    "-2562047h47m16.854775808s,-9223372036854775808",
  })
  void durations(String text, long nanos) {
    assertEquals(NumberValue.of(nanos), b.call("time.parse_duration_ns", StringValue.of(text)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "1d|time: unknown unit \"d\" in duration \"1d\"",
    "10|time: missing unit in duration \"10\"",
    "|time: invalid duration \"\"",
    "-|time: invalid duration \"-\"",
    ".s|time: invalid duration \".s\"",
    "2562047h47m16.854775808s|time: invalid duration \"2562047h47m16.854775808s\"",
  })
  void durationErrors(String text, String message) {
    b.assertError(Code.BUILTIN_ERROR, message, "time.parse_duration_ns", StringValue.of(text == null ? "" : text));
  }

  @Test
  void dateClockWeekday() {
    b.assertCall("[2018, 2, 5]", "time.date", "1517814000000000000");
    b.assertCall("[2018, 2, 4]", "time.date", "[1517814000000000000, \"America/Los_Angeles\"]");
    b.assertCall("[2018, 2, 5]", "time.date", "[1517832000000000000, \"\"]");
    b.assertCall("[2020, 2, 29]", "time.date", "1582977600000000000");
    b.assertCall("[12, 0, 0]", "time.clock", "1517832000000000000");
    b.assertCall("[7, 0, 0]", "time.clock", "[1517832000000000000, \"America/New_York\"]");
    b.assertCall("[12, 0, 0]", "time.clock", "1582977600000000000");
    String[] days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    for (int i = 0; i < 7; i++) {
      b.assertCall("\"" + days[i] + "\"", "time.weekday", Long.toString(1517832000000000000L + i * 86_400_000_000_000L));
    }
    b.assertCall("[1969, 12, 31]", "time.date", "-1");
  }

  @Test
  void timestampTooBig() {
    for (String name : new String[] {"time.date", "time.clock", "time.weekday", "time.format"}) {
      b.assertError(Code.BUILTIN_ERROR, "timestamp too big", name, json("1582977600000000000000"));
    }
    b.assertError(Code.BUILTIN_ERROR, "timestamp too big", "time.format", json("1.5"));
  }

  @Test
  void operandErrors() {
    b.assertError(Code.TYPE_ERROR, "operand 1 must be either number (ns) or [number (ns), string (tz)] but got string",
        "time.date", StringValue.of("x"));
    b.assertError(Code.TYPE_ERROR, "operand 1 must be either number (ns) or [number (ns), string (tz)] but got array",
        "time.date", json("[]"));
    b.assertError(Code.TYPE_ERROR, "operand 1 must be string but got number", "time.date", json("[1, 2]"));
    b.assertError(Code.BUILTIN_ERROR, "unknown time zone Mars/Olympus", "time.date", json("[1, \"Mars/Olympus\"]"));
    b.assertError(Code.TYPE_ERROR, "operand 2 must be integer number but got floating-point number",
        "time.add_date", json("0"), json("1.5"), json("0"), json("0"));
  }

  @Test
  void addDate() {
    b.assertCall("1705257221593912000", "time.add_date", "1585852421593912000", "3", "9", "12");
    b.assertCall("1551465221593912000", "time.add_date", "1585852421593912000", "-1", "-1", "-1");
    // Go normalizes Oct 31 + 1 month to Dec 1
    long oct31 = 1604102400000000000L; // 2020-10-31T00:00:00Z
    b.assertCall("1606780800000000000", "time.add_date", Long.toString(oct31), "0", "1", "0");
    b.assertError(Code.BUILTIN_ERROR, "time outside of valid range", "time.add_date",
        json("0"), json("2262"), json("1"), json("1"));
    b.assertError(Code.BUILTIN_ERROR, "time outside of valid range", "time.add_date",
        json("-9223372036854775808"), json("0"), json("0"), json("-1"));
  }

  @Test
  void diff() {
    long now = 1_700_000_000_000_000_000L;
    b.assertCall("[0, 0, 0, 0, 1, 1]", "time.diff", Long.toString(now + 61_000_000_000L), Long.toString(now));
    b.assertCall("[0, 0, 0, 0, 1, 0]", "time.diff",
        "[" + (now + 60_000_000_000L) + ", \"UTC\"]", "[" + now + ", \"Asia/Shanghai\"]");
    assertEquals(json("[0, 0, 28, 0, 0, 0]"), b.call("time.diff", parse("2020-02-02"), parse("2020-03-01")));
    assertEquals(json("[0, 0, 27, 0, 0, 0]"), b.call("time.diff", parse("2021-02-02"), parse("2021-03-01")));
    assertEquals(json("[1, 0, 1, 0, 0, 0]"), b.call("time.diff", parse("2004-02-29"), parse("2005-03-01")));
  }

  private dev.verdict.value.Value parse(String date) {
    return b.call("time.parse_ns", StringValue.of("2006-01-02"), StringValue.of(date));
  }

  @Test
  void format() {
    String ns = "1670006453141828752";
    b.assertCall("\"2022-12-02T18:40:53.141828752Z\"", "time.format", ns);
    b.assertCall("\"2022-12-03T00:10:53.141828752+05:30\"", "time.format", "[" + ns + ", \"Asia/Kolkata\"]");
    b.assertCall("\"Sat Dec 03 00:10:53 +0530 2022\"", "time.format",
        "[" + ns + ", \"Asia/Kolkata\", \"Mon Jan 02 15:04:05 -0700 2006\"]");
    b.assertCall("\"Sat, 03 Dec 2022 00:10:53 +0530\"", "time.format", "[" + ns + ", \"Asia/Kolkata\", \"RFC1123Z\"]");
    b.assertCall("\"Sat, 03 Dec 2022 00:10:53 IST\"", "time.format", "[" + ns + ", \"Asia/Kolkata\", \"RFC1123\"]");
    b.assertCall("\"Fri Dec  2 18:40:53 UTC 2022\"", "time.format", "[" + ns + ", \"UTC\", \"UnixDate\"]");
    b.assertCall("\"6:40PM .141 336 Z\"", "time.format", "[" + ns + ", \"\", \"3:04PM .000 __2 Z07\"]");
    b.assertCall("\"2022-12-02T13:40:53.141828752-05:00\"", "time.format", "[" + ns + ", \"America/New_York\"]");
  }
}
