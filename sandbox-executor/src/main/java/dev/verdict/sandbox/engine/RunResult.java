package dev.verdict.sandbox.engine;

/** What a run produced; {@code error} explains traps and refusals; {@code engine}: how it ran (a module still compiling runs interpreted). */
public record RunResult(
    Status status,
    Integer exitCode,
    byte[] stdout,
    byte[] stderr,
    boolean outputTruncated,
    long fuelConsumed,
    long durationMs,
    String error,
    Engine engine) {}
