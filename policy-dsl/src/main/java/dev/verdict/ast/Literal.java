package dev.verdict.ast;

import java.util.List;

/** One expression of a body, optionally negated ({@code not}) and with {@code with} modifiers. */
public record Literal(Location location, boolean negated, Expr expr, List<With> withs) implements Node {
  public Literal {
    withs = List.copyOf(withs);
  }
}
