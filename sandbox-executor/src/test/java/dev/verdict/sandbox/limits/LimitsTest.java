package dev.verdict.sandbox.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LimitsTest {

  private static final Limits MAX = new Limits(10_000_000_000L, 30_000, 1024, 4 << 20);
  private static final Limits UNGRANTED = new Limits(100_000_000, 1000, 64, 65_536);

  @Test
  void aRunGetsTheSmallestOfMaximumRequestAndGrant() {
    assertEquals(new Limits(500, 2000, 16, 100),
        Limits.of(MAX, UNGRANTED, new LimitRequest(500L, 60_000L, null, 100L), new LimitRequest(2000L, 2000L, 16L, 4096L)));
  }

  @Test
  void aGrantNeverLiftsTheServerMaximum() {
    assertEquals(MAX, Limits.of(MAX, UNGRANTED, LimitRequest.NONE, new LimitRequest(Long.MAX_VALUE, Long.MAX_VALUE, 1L << 40, Long.MAX_VALUE)));
  }

  @Test
  void aLimitTheDecisionDoesNotGrantIsTheSmallDefaultNotTheMaximum() {
    assertEquals(new Limits(100_000_000, 5000, 64, 65_536),
        Limits.of(MAX, UNGRANTED, LimitRequest.NONE, new LimitRequest(null, 5000L, null, null)));
    assertEquals(new Limits(1000, 1000, 64, 65_536), Limits.of(MAX, UNGRANTED, new LimitRequest(1000L, null, null, null), LimitRequest.NONE),
        "a request can still ask for less");
  }

  @Test
  void negativeValuesCountAsZero() {
    assertEquals(new Limits(0, 0, 64, 65_536), Limits.of(MAX, UNGRANTED, new LimitRequest(-5L, null, null, null), new LimitRequest(null, -1L, null, null)));
  }
}
