package dev.verdict;

import dev.verdict.value.Value;

/**
 * The answer for one document: defined with a value, or undefined.
 *
 * @param evalNanos wall-clock time of the evaluation
 * @param steps units of work counted against the step budget
 */
public record Result(Value value, long evalNanos) {

  public boolean defined() {
    return value != null;
  }

  public static Result undefined(long evalNanos) {
    return new Result(null, evalNanos);
  }
}
