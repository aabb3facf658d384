package dev.verdict.cli;

import dev.verdict.load.LoadException;
import java.util.List;

/**
 * Bad input the command cannot go on with (unreadable files, bad JSON, parse or compile errors).
 * Commands catch it and report its errors in their output format; it never reaches the user as
 * a stack trace.
 */
final class CliFailure extends Exception {

  private final List<CliError> errors;

  CliFailure(List<CliError> errors) {
    super(errors.isEmpty() ? "no error(s)" : errors.get(0).toString(), null, false, false);
    this.errors = List.copyOf(errors);
  }

  CliFailure(CliError error) {
    this(List.of(error));
  }

  CliFailure(LoadException e) {
    this(e.errors().stream().map(CliError::of).toList());
  }

  List<CliError> errors() {
    return errors;
  }
}
