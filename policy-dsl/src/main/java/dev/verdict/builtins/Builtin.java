package dev.verdict.builtins;

/**
 * A builtin, declared once: its name as policies call it, its signature, and its implementation.
 *
 * @param deterministic false for builtins whose results must never be cached across queries
 *     ({@code time.now_ns}, {@code rand.intn}, {@code http.send}, {@code uuid.rfc4122}, …)
 * @param deprecated true for builtins kept for old policies ({@code re_match}, {@code set_diff} …)
 * @param relation true when the function returns an array of alternative results, each of which
 *     the evaluator binds in turn ({@code walk})
 */
public record Builtin(
    String name,
    Signature signature,
    boolean deterministic,
    boolean deprecated,
    boolean relation,
    BuiltinFunction function) {}
