package dev.verdict.sandbox.execution;

import dev.verdict.sandbox.limits.LimitRequest;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/executions}: the module by name, the export to call ({@code _start} by default),
 * WASI inputs (stdin as text or as {@code stdin_base64}), the subject the decision is about, and the
 * capabilities and limits asked for (capabilities default to what the module's imports need).
 */
public record ExecutionRequest(
    String module,
    String function,
    List<String> args,
    String stdin,
    String stdinBase64,
    Map<String, String> env,
    Map<String, Object> subject,
    List<String> capabilities,
    LimitRequest limits) {}
