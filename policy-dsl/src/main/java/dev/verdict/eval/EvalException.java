package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.error.RegoError;
import dev.verdict.error.RegoException;

/** Evaluation failed: a conflict, a type or builtin error in strict mode, or a limit was hit. */
public final class EvalException extends RegoException {

  public EvalException(String code, String message, Location location) {
    super(new RegoError(code, message, location));
  }

  static EvalException conflict(String message, Location location) {
    return new EvalException(RegoError.EVAL_CONFLICT, message, location);
  }
}
