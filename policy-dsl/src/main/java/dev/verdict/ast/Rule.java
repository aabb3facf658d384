package dev.verdict.ast;

import java.util.List;

/**
 * A rule. Its body is always present: a rule written without one ({@code p := 1}) has a body of
 * the single literal {@code true} located at the head. {@code elseRule} chains {@code else}
 * branches; each branch has the same head ref and its own value and body.
 */
public record Rule(
    Location location,
    boolean isDefault,
    Head head,
    Body body,
    Rule elseRule,
    List<Annotation> annotations)
    implements Node {
  public Rule {
    annotations = List.copyOf(annotations);
  }
}
