package dev.verdict.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTest {

  @Test
  void typesOrderAsOpaOrdersThem() {
    List<Value> sorted =
        List.of(
            NullValue.NULL,
            BooleanValue.FALSE,
            BooleanValue.TRUE,
            NumberValue.of(-1),
            NumberValue.parse("2.5"),
            StringValue.of(""),
            StringValue.of("a"),
            ArrayValue.of(),
            ArrayValue.of(NumberValue.ONE),
            ObjectValue.EMPTY,
            ObjectValue.of(StringValue.of("a"), NumberValue.ONE),
            SetValue.EMPTY,
            SetValue.of(NumberValue.ONE));
    List<Value> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new java.util.Random(7));
    Collections.sort(shuffled);
    assertEquals(sorted, shuffled);
  }

  @Test
  void numbersAreExactAndEqualAcrossForms() {
    assertEquals(NumberValue.of(1), NumberValue.parse("1.0"));
    assertEquals(NumberValue.of(1).hashCode(), NumberValue.parse("1e0").hashCode());
    assertEquals(NumberValue.parse("100"), NumberValue.parse("1e2"));
    assertTrue(NumberValue.parse("1e2").isLong());
    NumberValue big = NumberValue.parse("123456789012345678901234567890");
    assertFalse(big.isLong());
    assertTrue(big.isInteger());
    assertEquals("123456789012345678901234567890", big.toString());
    assertEquals(new BigDecimal("0.1"), NumberValue.parse("0.10").bigDecimalValue());
    assertEquals("0.1", NumberValue.parse("0.10").toString());
    assertTrue(NumberValue.parse("9223372036854775807").isLong());
    assertFalse(NumberValue.parse("9223372036854775808").isLong());
    assertTrue(NumberValue.parse("2").compareTo(NumberValue.parse("10")) < 0);
  }

  @Test
  void stringsOrderByCodePointLikeUtf8Bytes() {
    // U+FF61 sorts before U+1F600 in UTF-8, though its UTF-16 unit is larger than a surrogate.
    Value halfwidth = StringValue.of("\uFF61");
    Value emoji = StringValue.of("\uD83D\uDE00");
    assertTrue(halfwidth.compareTo(emoji) < 0);
  }

  @Test
  void setsAndObjectsAreSortedAndDeduplicated() {
    SetValue s = SetValue.of(NumberValue.of(3), NumberValue.of(1), NumberValue.of(3));
    assertEquals(2, s.size());
    assertEquals(NumberValue.of(1), s.get(0));
    ObjectValue o = ObjectValue.builder().put("b", NumberValue.ONE).put("a", NumberValue.ZERO).build();
    assertEquals(StringValue.of("a"), o.key(0));
    assertEquals(NumberValue.ONE, o.get("b"));
    assertNull(o.get("c"));
    assertEquals(o, ObjectValue.builder().put("a", NumberValue.ZERO).put("b", NumberValue.ONE).build());
    assertNotEquals(o, ObjectValue.builder().put("a", NumberValue.ZERO).build());
  }

  @Test
  void largeCollectionsLookUpThroughTheirIndex() {
    ObjectValue.Builder b = ObjectValue.builder();
    List<Value> elements = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      b.put("k" + i, NumberValue.of(i));
      elements.add(NumberValue.of(i));
    }
    ObjectValue o = b.build();
    SetValue s = SetValue.of(elements);
    for (int i = 0; i < 100; i++) {
      assertEquals(NumberValue.of(i), o.get("k" + i));
      assertTrue(s.contains(NumberValue.parse(i + ".0")));
    }
    assertFalse(s.contains(NumberValue.of(100)));
  }

  @Test
  void jsonRoundTripIsExactAndCanonical() {
    Value v = Json.parse("{\"b\": [1, 2.50, 1e400, \"x\"], \"a\": {\"n\": null, \"t\": true}}");
    assertEquals("{\"a\":{\"n\":null,\"t\":true},\"b\":[1,2.5,1E+400,\"x\"]}", Json.toJson(v));
    assertEquals(v, Json.parse(Json.toJson(v)));
  }

  @Test
  void jsonWritesSetsAsSortedArraysAndNonStringKeysAsText() {
    Value v = ObjectValue.of(NumberValue.ONE, SetValue.of(StringValue.of("b"), StringValue.of("a")));
    assertEquals("{\"1\":[\"a\",\"b\"]}", Json.toJson(v));
  }

  @Test
  void badJsonIsAClearError() {
    Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\": }"));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    assertThrows(Json.JsonException.class, () -> Json.parse("[1] 2"));
    assertThrows(Json.JsonException.class, () -> Json.parse(""));
  }

  @Test
  void regoTextQuotesAndNestsLikeOpa() {
    Value v = ObjectValue.of(StringValue.of("a"), ArrayValue.of(SetValue.EMPTY, StringValue.of("q\"")));
    assertEquals("{\"a\": [set(), \"q\\\"\"]}", v.toRego());
  }

  @Test
  void jsonAsDeepAsTheReaderAllowsRoundTripsOnASmallStack() throws InterruptedException {
    String deep = "[".repeat(9_997) + "{\"a\":[1,{}]}" + "]".repeat(9_997); // 10,000 levels: the reader's limit
    List<Object> outcome = new ArrayList<>();
    Thread small = new Thread(null, () -> outcome.add(Json.toJson(Json.parse(deep)).equals(deep)), "small-stack", 256 * 1024);
    small.start();
    small.join();
    assertEquals(List.of(true), outcome);
    assertThrows(Json.JsonException.class, () -> Json.parse("[" + deep + "]"));
  }
}
