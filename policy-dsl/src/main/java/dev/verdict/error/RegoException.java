package dev.verdict.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Parsing, compiling or evaluating failed. Carries every error found (the compiler collects
 * them rather than stopping at the first); the message lists them one per line.
 */
public class RegoException extends RuntimeException {

  private final List<RegoError> errors;

  public RegoException(List<RegoError> errors) {
    super(errors.stream().map(RegoError::toString).collect(Collectors.joining("\n")), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public RegoException(RegoError error) {
    this(List.of(error));
  }

  public List<RegoError> errors() {
    return errors;
  }

  /** The first error's code: what a caller mapping errors to one status looks at. */
  public String code() {
    return errors.isEmpty() ? RegoError.EVAL_INTERNAL : errors.get(0).code();
  }
}
