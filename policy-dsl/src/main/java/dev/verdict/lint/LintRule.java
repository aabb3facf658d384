package dev.verdict.lint;

import dev.verdict.ast.Location;

/**
 * One lint rule: its id (also the name of its page under {@code docs/lint/}), category, default
 * level and one-line explanation, and the check that reports what it finds.
 */
public interface LintRule {

  String id();

  Category category();

  Level level();

  String summary();

  void check(Policy policy, Report out);

  /** Where a rule reports its findings; the linter adds the level and drops what is ignored. */
  @FunctionalInterface
  interface Report {
    void at(Location location, String message);
  }
}
