package dev.verdict.sandbox.engine;

import dev.verdict.sandbox.limits.Limits;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One run: the export to call, its WASI inputs, effective limits, granted capabilities, KV tenant. */
public record RunSpec(
    String function,
    List<String> args,
    Map<String, String> env,
    byte[] stdin,
    Limits limits,
    Set<String> capabilities,
    String tenant) {}
