package dev.verdict.sandbox.audit;

import dev.verdict.sandbox.engine.Status;
import dev.verdict.sandbox.limits.Limits;
import java.util.List;
import java.util.Map;

/** One execution as audited: who ran what, what the decision granted, how it ended. */
public record AuditRecord(
    String timestamp,
    String executionId,
    String decisionId,
    Map<String, Object> subject,
    String module,
    String moduleSha256,
    List<String> capabilities,
    Limits limits,
    Status status,
    Integer exitCode,
    long fuelConsumed,
    long durationMs,
    List<String> reasons) {}
