package dev.verdict;

import dev.verdict.value.Value;

/**
 * The answer for one document: defined with a value, or undefined.
 *
 * @param value the document, or null when undefined
 * @param evalNanos wall-clock time of the evaluation
 * @param deterministic false when the answer depended on a nondeterministic builtin
 *     ({@code time.now_ns}, {@code rand.intn}, {@code http.send}, {@code uuid.rfc4122}, …): a
 *     cache must not serve it for another query
 */
public record Result(Value value, long evalNanos, boolean deterministic) {

  public boolean defined() {
    return value != null;
  }
}
