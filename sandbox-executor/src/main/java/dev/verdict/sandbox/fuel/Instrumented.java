package dev.verdict.sandbox.fuel;

/**
 * A fuel-instrumented module: its bytes, the index of the i64 global holding the remaining fuel
 * (set before a run, {@code -1} once exhausted), the index of the i32 global set to 1 when a
 * {@code memory.grow} failed, and the export under which the module's start function now lives.
 */
public record Instrumented(byte[] wasm, int fuelGlobal, int growFailedGlobal, String startExport) {

  /** The start function is exported under this name so that it runs after the fuel is set. */
  public static final String START_EXPORT = "verdict:start";

  public boolean hasStart() {
    return startExport != null;
  }
}
