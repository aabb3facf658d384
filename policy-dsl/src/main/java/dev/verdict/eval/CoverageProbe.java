package dev.verdict.eval;

import dev.verdict.value.Value;

/**
 * A step planned only for coverage: marks its row as reached, then runs the rest of the body.
 * Placed before each expression (it counts once evaluation gets there, whether or not the
 * expression then holds) and before the {@link Step.Yield} of each rule body (the head counts when
 * the body succeeds: OPA's "exit").
 */
final class CoverageProbe extends Step {

  private final CoverageCollector.Lines lines;
  private final int row;

  CoverageProbe(CoverageCollector.Lines lines, int row) {
    this.lines = lines;
    this.row = row;
  }

  @Override
  boolean run(Ev ev, Value[] f) {
    lines.hit(row);
    return next.run(ev, f);
  }
}
