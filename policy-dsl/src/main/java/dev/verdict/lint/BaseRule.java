package dev.verdict.lint;

/** The metadata every rule has, held once; subclasses add only their check. */
abstract class BaseRule implements LintRule {

  private final String id;
  private final Category category;
  private final Level level;
  private final String summary;

  BaseRule(String id, Category category, Level level, String summary) {
    this.id = id;
    this.category = category;
    this.level = level;
    this.summary = summary;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Category category() {
    return category;
  }

  @Override
  public final Level level() {
    return level;
  }

  @Override
  public final String summary() {
    return summary;
  }
}
