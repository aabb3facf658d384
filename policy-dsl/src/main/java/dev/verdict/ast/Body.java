package dev.verdict.ast;

import java.util.List;

/** A query or rule body: literals evaluated as a conjunction. */
public record Body(Location location, List<Literal> literals) implements Node {
  public Body {
    literals = List.copyOf(literals);
  }
}
