package dev.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.value.BooleanValue;
import dev.verdict.value.Json;
import org.junit.jupiter.api.Test;

/** What a caller that caches answers learns from a {@link Result}. */
class PolicySetTest {

  private static final PolicySet SET = Verdict.compile(Sources.builder()
      .module("p.rego", """
          package p
          plain if input.x == 1
          clock if time.now_ns() > 0
          clock_unused if input.x == 1
          clock_unused if time.now_ns() > 0
          """)
      .data(Json.parse("{\"base\": {\"limits\": {\"max\": 3}}}"))
      .build());

  @Test
  void definesTellsKnownPathsFromUnknownOnes() {
    assertTrue(SET.defines("p/plain"));
    assertTrue(SET.defines("p"));
    assertTrue(SET.defines("data"));
    assertTrue(SET.defines("base/limits/max"));
    assertFalse(SET.defines("base/limits/min"));
    assertFalse(SET.defines("q/plain"));
    assertFalse(SET.defines("p/nothing"));
  }

  @Test
  void answersWithoutNondeterministicBuiltinsAreDeterministic() {
    Result r = SET.eval("p/plain", Json.parse("{\"x\": 1}"));
    assertEquals(BooleanValue.TRUE, r.value());
    assertTrue(r.deterministic());
  }

  @Test
  void answersThatReadTheClockAreNot() {
    Result r = SET.eval("p.clock", Json.parse("{}"));
    assertTrue(r.defined());
    assertFalse(r.deterministic());
  }

  @Test
  void onlyBuiltinsThatRanCount() {
    // Complete rules stop at the first defined body: the clock is never read.
    assertTrue(SET.eval("p/clock_unused", Json.parse("{\"x\": 1}")).deterministic());
    assertFalse(SET.eval("p/clock_unused", Json.parse("{\"x\": 2}")).deterministic());
  }

  @Test
  void undefinedAnswersCarryTheFlagToo() {
    Result r = SET.eval("p/plain", Json.parse("{\"x\": 2}"));
    assertFalse(r.defined());
    assertTrue(r.deterministic());
  }
}
