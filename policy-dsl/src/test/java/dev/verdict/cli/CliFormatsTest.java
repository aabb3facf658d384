package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.GoText;
import dev.verdict.value.Json;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go's JSON and duration text, which opa's output is made of. */
class CliFormatsTest {

  @Test
  void indentedLikeGoEncoder() {
    var v = Json.parse("{\"b\": [1, {\"c\": []}], \"a\": {}, \"s\": \"x\"}");
    assertEquals(
        """
        {
          "a": {},
          "b": [
            1,
            {
              "c": []
            }
          ],
          "s": "x"
        }""",
        GoJson.indented(v));
    assertEquals("{\"a\":{},\"b\":[1,{\"c\":[]}],\"s\":\"x\"}", GoJson.compact(v));
  }

  @Test
  void escapesAsGoDoes() {
    assertEquals("\"a\\u003cb\\u003e \\u0026 \\\"q\\\" \\\\ \\n\\t\\r\\b\\f \\u0001 \\u2028 é 😀\"",
        GoJson.compact(StringValue.of("a<b> & \"q\" \\ \n\t\r\b\f \u0001 \u2028 é 😀")));
    assertEquals("\"\ufffd\"", GoJson.compact(StringValue.of("\ud800")));
  }

  @Test
  void setsAreArraysAndNonStringKeysAreTheirJsonText() {
    var set = SetValue.of(NumberValue.of(2), NumberValue.of(1));
    assertEquals("[1,2]", GoJson.compact(set));
    var obj =
        ObjectValue.of(
            NumberValue.of(10), StringValue.of("ten"),
            StringValue.of("b"), BooleanValue.TRUE,
            ArrayValue.of(List.of(NumberValue.of(1))), NullValue.NULL,
            NumberValue.of(9), StringValue.of("nine"));
    // Go sorts the stringified keys bytewise: "10" < "9" < "[1]" < "b".
    assertEquals("{\"10\":\"ten\",\"9\":\"nine\",\"[1]\":null,\"b\":true}", GoJson.compact(obj));
  }

  @Test
  void structsKeepFieldOrderAndNullsAreWritten() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1L);
    m.put("a", null);
    m.put("list", List.of("x", true));
    assertEquals("{\"z\":1,\"a\":null,\"list\":[\"x\",true]}", GoJson.compact(m));
  }

  @Test
  void numbersKeepTheirText() {
    assertEquals("[1,1.5,100000000000000000000]", GoJson.compact(Json.parse("[1, 1.5, 100000000000000000000]")));
  }

  @Test
  void durationsPrintAsGoPrintsThem() {
    assertEquals("0s", GoDuration.format(0));
    assertEquals("426ns", GoDuration.format(426));
    assertEquals("1.417µs", GoDuration.format(1417));
    assertEquals("1µs", GoDuration.format(1000));
    assertEquals("2.5ms", GoDuration.format(2_500_000));
    assertEquals("999.999999ms", GoDuration.format(999_999_999));
    assertEquals("1s", GoDuration.format(1_000_000_000));
    assertEquals("1.5s", GoDuration.format(1_500_000_000));
    assertEquals("1m0s", GoDuration.format(60_000_000_000L));
    assertEquals("1h2m3.004s", GoDuration.format(3_723_004_000_000L));
    assertEquals("-1.5s", GoDuration.format(-1_500_000_000));
  }

  @Test
  void durationsParseAsGoParsesThem() {
    assertEquals(Duration.ofMillis(500), GoDuration.parse("500ms"));
    assertEquals(Duration.ofSeconds(90), GoDuration.parse("1m30s"));
    assertEquals(Duration.ofMinutes(90), GoDuration.parse("1.5h"));
    assertEquals(Duration.ofNanos(1500), GoDuration.parse("1.5us"));
    assertEquals(Duration.ofNanos(1500), GoDuration.parse("1.5µs"));
    assertEquals(Duration.ZERO, GoDuration.parse("0"));
    assertEquals(Duration.ofSeconds(-2), GoDuration.parse("-2s"));
    for (String bad : List.of("", "10", "s", "1x", "1.s.", "1s 2s", "ten")) {
      assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(bad), bad);
    }
  }

  @Test
  void refsPrintAsOpaPrintsThem() {
    assertEquals(".a.b", GoText.refPath(List.of("a", "b")));
    assertEquals(".a[\"b-c\"][\"1x\"][\"not\"]", GoText.refPath(List.of("a", "b-c", "1x", "not")));
  }
}
