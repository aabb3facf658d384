package dev.verdict.builtins;

import dev.verdict.ast.Location;
import java.util.Map;
import java.util.function.Function;

/** What a builtin may ask of the query that calls it. */
public interface BuiltinContext {

  /** The query's clock, fixed when the query starts, in nanoseconds since the epoch. */
  long nowNanos();

  /** Where the call stands in the policy. */
  Location location();

  /** True when builtin errors are raised rather than turning the expression undefined. */
  boolean strictBuiltinErrors();

  /** Output of {@code print}; one call per printed line. */
  void print(String line);

  /**
   * A per-query memo, so that nondeterministic builtins answer the same within one query
   * ({@code rand.intn} with the same arguments, {@code uuid.rfc4122} with the same seed).
   */
  <T> T queryCache(Object key, Function<Object, T> compute);

  /** Throws when the query's deadline has passed or its step budget is spent. */
  void checkLimits();

  /** Process-level settings the embedding passes down (e.g. {@code opa.runtime} contents). */
  Map<String, Object> runtime();
}
