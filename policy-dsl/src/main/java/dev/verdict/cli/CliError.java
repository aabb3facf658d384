package dev.verdict.cli;

import dev.verdict.ast.Location;
import dev.verdict.error.RegoError;
import dev.verdict.load.LoadError;
import java.util.List;

/**
 * One problem the CLI reports: a Rego error from the engine, or a loading problem (missing file,
 * bad JSON) that has no code. Printed as {@code file:row:col: code: message} like {@link RegoError},
 * leaving out the parts it does not have.
 *
 * @param code OPA's error code, or null for problems outside the language (files, input)
 * @param location where, or null
 */
record CliError(String code, String message, Location location) {

  static CliError of(String message) {
    return new CliError(null, message, null);
  }

  static CliError of(RegoError e) {
    return new CliError(e.code(), e.message(), e.location());
  }

  static CliError of(LoadError e) {
    return new CliError(null, e.message(), e.location());
  }

  static List<CliError> of(List<RegoError> errors) {
    return errors.stream().map(CliError::of).toList();
  }

  boolean hasLocation() {
    return location != null && location.row() > 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (hasLocation()) {
      // A query has no file: opa prints its errors at row:col.
      sb.append(location.file().isEmpty() ? location.row() + ":" + location.col() : location.toString()).append(": ");
    }
    if (code != null) {
      sb.append(code).append(": ");
    }
    return sb.append(message).toString();
  }
}
