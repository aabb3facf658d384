package dev.verdict.sandbox.limits;

/** Limits as requested or granted: any field may be absent. */
public record LimitRequest(Long fuel, Long timeoutMs, Long memoryPages, Long outputBytes) {

  public static final LimitRequest NONE = new LimitRequest(null, null, null, null);
}
