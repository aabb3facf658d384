package dev.verdict.sandbox.limits;

import java.util.function.Function;

/** The limits a run gets: fuel units, wall-clock milliseconds, 64 KiB pages, stdout+stderr bytes. */
public record Limits(long fuel, long timeoutMs, int memoryPages, long outputBytes) {

  /**
   * The server maximum narrowed by every present field of {@code bounds} (what was requested, what
   * the decision granted): a run gets the smallest of them.
   */
  public static Limits narrowest(Limits max, LimitRequest... bounds) {
    return new Limits(
        min(max.fuel(), bounds, LimitRequest::fuel),
        min(max.timeoutMs(), bounds, LimitRequest::timeoutMs),
        (int) min(max.memoryPages(), bounds, LimitRequest::memoryPages),
        min(max.outputBytes(), bounds, LimitRequest::outputBytes));
  }

  private static long min(long max, LimitRequest[] bounds, Function<LimitRequest, Long> field) {
    long v = max;
    for (LimitRequest b : bounds) {
      Long f = b == null ? null : field.apply(b);
      if (f != null) {
        v = Math.min(v, Math.max(0, f));
      }
    }
    return v;
  }
}
