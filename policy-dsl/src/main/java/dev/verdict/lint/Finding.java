package dev.verdict.lint;

import dev.verdict.ast.Location;

/** One problem a lint rule found, at the level the configuration gives its rule. */
public record Finding(LintRule rule, Level level, Location location, String message) {

  /** {@code file:row:col: level id: message}. */
  @Override
  public String toString() {
    return location + ": " + level + " " + rule.id() + ": " + message;
  }
}
