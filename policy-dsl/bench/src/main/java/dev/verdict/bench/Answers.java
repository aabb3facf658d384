package dev.verdict.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Checks an engine's answers for a whole request set before anything is timed: a benchmark that
 * computes wrong answers proves nothing, so a mismatch fails the benchmark's setup.
 */
public final class Answers {

  private Answers() {}

  /**
   * @param engine name used in the error
   * @param expected the right answer for each request
   * @param describe a request, for the error
   * @param decide the engine's answer for request {@code i}
   * @throws IllegalStateException listing the requests the engine got wrong
   */
  public static void verify(
      String engine, boolean[] expected, IntFunction<String> describe, IntPredicate decide) {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      boolean got = decide.test(i);
      if (got != expected[i]) {
        wrong.add("#" + i + " " + describe.apply(i) + ": expected " + expected[i] + ", got " + got);
      }
    }
    if (!wrong.isEmpty()) {
      throw new IllegalStateException(
          engine
              + " gave "
              + wrong.size()
              + " wrong answers out of "
              + expected.length
              + ":\n  "
              + String.join("\n  ", wrong.subList(0, Math.min(10, wrong.size()))));
    }
  }
}
