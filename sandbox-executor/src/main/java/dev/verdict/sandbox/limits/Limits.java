package dev.verdict.sandbox.limits;

/** The limits a run gets: fuel units, wall-clock milliseconds, 64 KiB pages, stdout+stderr bytes. */
public record Limits(long fuel, long timeoutMs, int memoryPages, long outputBytes) {

  /**
   * The limits of one run, each the smallest of the server maximum, what was requested and what the
   * decision granted. A limit the decision does not grant takes {@code ungranted}'s value instead:
   * a policy that forgets a limit gets a small one (least privilege), not the server maximum.
   */
  public static Limits of(Limits max, Limits ungranted, LimitRequest requested, LimitRequest granted) {
    return new Limits(
        field(max.fuel(), ungranted.fuel(), requested.fuel(), granted.fuel()),
        field(max.timeoutMs(), ungranted.timeoutMs(), requested.timeoutMs(), granted.timeoutMs()),
        (int) field(max.memoryPages(), ungranted.memoryPages(), requested.memoryPages(), granted.memoryPages()),
        field(max.outputBytes(), ungranted.outputBytes(), requested.outputBytes(), granted.outputBytes()));
  }

  private static long field(long max, long ungranted, Long requested, Long granted) {
    long v = Math.min(max, granted != null ? Math.max(0, granted) : ungranted);
    return requested == null ? v : Math.min(v, Math.max(0, requested));
  }
}
