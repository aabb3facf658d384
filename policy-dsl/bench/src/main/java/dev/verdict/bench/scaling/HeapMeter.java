package dev.verdict.bench.scaling;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Used heap after full collections, for "retained heap" as the difference between two readings
 * around an allocation that is kept reachable. System.gc() is a full, compacting collection with
 * the default collectors (unless -XX:+DisableExplicitGC); readings are repeated until two in a row
 * agree within 1 MiB, so finalization and reference processing have settled.
 */
public final class HeapMeter {

  private static final long STABLE_BYTES = 1L << 20;
  private static final int MAX_ROUNDS = 10;

  private HeapMeter() {}

  public static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < STABLE_BYTES) {
        return used;
      }
      previous = used;
    }
    return previous;
  }
}
