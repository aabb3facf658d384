package dev.verdict.load;

import java.util.List;

/** Policies or data could not be loaded; carries every problem found, not just the first. */
public final class LoadException extends Exception {

  private final List<LoadError> errors;

  public LoadException(List<LoadError> errors) {
    super(errors.isEmpty() ? "no error(s)" : errors.get(0).toString(), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public LoadException(LoadError error) {
    this(List.of(error));
  }

  public List<LoadError> errors() {
    return errors;
  }
}
