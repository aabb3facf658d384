package dev.verdict.sandbox.fuel;

/** What the injected counter charges: one unit per instruction plus these. */
public final class FuelCosts {

  /** Each call into the host (WASI or {@code verdict}), on top of the call instruction itself. */
  public static final long HOST_CALL = 100;

  /** Each 64 KiB page requested by {@code memory.grow}: roughly the cost of zeroing it. */
  public static final long MEMORY_PAGE = 1024;

  private FuelCosts() {}
}
