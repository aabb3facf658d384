package dev.verdict.load;

import dev.verdict.ast.Location;

/**
 * A loading problem (missing file, bad JSON or YAML, conflicting data): what went wrong and, for
 * syntax errors, where. Printed as {@code file:row:col: message}, or the bare message when the
 * message already names its file.
 */
public record LoadError(String message, Location location) {

  public static LoadError of(String message) {
    return new LoadError(message, null);
  }

  @Override
  public String toString() {
    return location == null || location.row() == 0 ? message : location + ": " + message;
  }
}
