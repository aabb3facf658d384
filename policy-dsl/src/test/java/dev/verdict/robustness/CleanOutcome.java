package dev.verdict.robustness;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.verdict.PolicySet;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.ast.Location;
import dev.verdict.error.RegoError;
import dev.verdict.error.RegoException;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.Value;
import java.time.Duration;
import java.util.Set;

/**
 * The robustness contract: compiling and evaluating anything ends with a result or with a
 * {@link RegoException} whose every error has one of OPA's codes and a file:row:col location —
 * never another exception, a {@link StackOverflowError} or a hang.
 */
public final class CleanOutcome {

  /** Every code a caller may see; {@code eval_internal_error} is not among them. */
  public static final Set<String> CODES =
      Set.of(
          RegoError.PARSE, RegoError.COMPILE, RegoError.UNSAFE_VAR, RegoError.RECURSION, RegoError.TYPE,
          RegoError.EVAL_CONFLICT, RegoError.EVAL_TYPE, RegoError.EVAL_BUILTIN, RegoError.EVAL_CANCEL);

  /** Far beyond any per-query deadline used here: only a run that ignores its deadline gets near it. */
  private static final Duration HANG = Duration.ofSeconds(30);

  /** Small limits, so that runaway policies end quickly. */
  public static EvalOptions.Builder limits() {
    return EvalOptions.builder().timeout(Duration.ofSeconds(1)).stepBudget(200_000).nowNanos(1_700_000_000_000_000_000L);
  }

  private CleanOutcome() {}

  /** Compiles the modules and runs the query on the input; the error when there is one, else null. */
  public static RegoException compileAndQuery(Sources sources, String query, Value input, boolean strict) {
    return within(() -> {
      PolicySet set = Verdict.compile(sources);
      set.query(query, limits().input(input).strictBuiltinErrors(strict).build());
    });
  }

  /** Runs the work on its own thread, watched for hangs; the clean error it ended with, or null. */
  public static RegoException within(Runnable work) {
    return assertTimeoutPreemptively(HANG, () -> caught(work));
  }

  private static RegoException caught(Runnable work) {
    try {
      work.run();
      return null;
    } catch (RegoException e) {
      assertClean(e);
      return e;
    }
  }

  /** Every error of {@code e} has an OPA code and a location with a file, a row and a column. */
  private static void assertClean(RegoException e) {
    assertTrue(!e.errors().isEmpty(), "no errors in " + e);
    for (RegoError error : e.errors()) {
      if (!CODES.contains(error.code())) {
        fail("unexpected code " + error, e);
      }
      Location loc = error.location();
      if (loc == null || loc.file().isEmpty() || loc.row() < 1 || loc.col() < 1) {
        fail("error without file:row:col: " + error, e);
      }
    }
  }

  /** Expects the work to end with exactly this code. */
  public static RegoException expectCode(String code, Runnable work) {
    RegoException e = within(work);
    if (e == null || !code.equals(e.code())) {
      fail("expected " + code + " but got " + e);
    }
    return e;
  }
}
