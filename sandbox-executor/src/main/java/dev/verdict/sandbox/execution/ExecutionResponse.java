package dev.verdict.sandbox.execution;

import dev.verdict.sandbox.engine.Status;
import java.util.List;

/** The answer to an execution: how the run ended (or why none happened), its output, fuel and time. */
public record ExecutionResponse(
    String executionId,
    String decisionId,
    Status status,
    Integer exitCode,
    String stdout,
    String stderr,
    boolean outputTruncated,
    long fuelConsumed,
    long durationMs,
    List<String> reasons,
    String error) {}
