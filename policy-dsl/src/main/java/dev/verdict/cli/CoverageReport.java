package dev.verdict.cli;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.compiler.TermWalker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Line coverage as OPA's {@code cover.Report} computes it from the rows evaluation reached:
 *
 * <ul>
 *   <li>covered: every row reached, by file, consecutive rows merged into ranges;
 *   <li>not covered: in every module, the head row of each rule (else branches included) whose
 *       row was not reached, and the row of each expression (nested ones included: comprehension
 *       and {@code every} bodies; {@code some x} declarations left out) that was not reached;
 *   <li>lines are counted per file and in total; a percentage is {@code 100 * covered / (covered
 *       + not covered)}, 0 when a file has neither, unrounded (opa stopped rounding in 0.58:
 *       open-policy-agent/opa#6307).
 * </ul>
 *
 * @param files every module's file and every file with a row reached, in Go's key order
 */
record CoverageReport(SortedMap<String, FileReport> files, int coveredLines, int notCoveredLines, double coverage) {

  /** Rows {@code start} to {@code end}, both included. */
  record Range(int start, int end) {

    int lines() {
      return end - start + 1;
    }

    boolean contains(int row) {
      return row >= start && row <= end;
    }
  }

  /** One file's covered and not-covered ranges. */
  record FileReport(List<Range> covered, List<Range> notCovered) {

    int coveredLines() {
      return count(covered);
    }

    int notCoveredLines() {
      return count(notCovered);
    }

    double coverage() {
      return percent(coveredLines(), notCoveredLines());
    }

    boolean isCovered(int row) {
      return covered.stream().anyMatch(r -> r.contains(row));
    }

    private static int count(List<Range> ranges) {
      return ranges.stream().mapToInt(Range::lines).sum();
    }
  }

  /**
   * The report for {@code modules} given the rows reached in each file.
   *
   * @param hits rows reached by file name, as the modules' locations name their files
   */
  static CoverageReport of(List<Module> modules, Map<String, ? extends Collection<Integer>> hits) {
    SortedMap<String, FileReport> files = new TreeMap<>(GoJson.KEY_ORDER);
    hits.forEach((file, rows) -> files.put(file, new FileReport(ranges(rows), List.of())));
    for (Module m : modules) {
      if (m.file().isEmpty()) {
        continue;
      }
      FileReport reached = files.getOrDefault(m.file(), new FileReport(List.of(), List.of()));
      List<Integer> missed = new ArrayList<>();
      for (Rule r : m.rules()) {
        for (Rule branch = r; branch != null; branch = branch.elseRule()) {
          if (!branch.head().location().file().isEmpty() && !reached.isCovered(branch.location().row())) {
            missed.add(branch.head().location().row());
          }
        }
        expressions(r, l -> {
          if (!reached.isCovered(l.location().row())) {
            missed.add(l.location().row());
          }
        });
      }
      files.put(m.file(), new FileReport(reached.covered(), ranges(missed)));
    }
    int covered = 0;
    int notCovered = 0;
    for (FileReport f : files.values()) {
      covered += f.coveredLines();
      notCovered += f.notCoveredLines();
    }
    return new CoverageReport(files, covered, notCovered, percent(covered, notCovered));
  }

  /**
   * opa's message when coverage is below {@code --threshold}, percentages with two decimals; with
   * {@code verbose}, followed by each file's not-covered ranges ({@code file:row} or {@code
   * file:from-to}).
   */
  String thresholdError(double threshold, boolean verbose) {
    StringBuilder sb = new StringBuilder("Code coverage threshold not met: got ")
        .append(twoDecimals(coverage)).append(" instead of ").append(twoDecimals(threshold));
    if (verbose && !files.isEmpty()) {
      sb.append("\nLines not covered:");
      files.forEach((file, f) -> {
        for (Range r : f.notCovered()) {
          sb.append("\n\t").append(file).append(':').append(r.start());
          if (r.end() != r.start()) {
            sb.append('-').append(r.end());
          }
        }
      });
    }
    return sb.toString();
  }

  /** Go's {@code %.2f}: the double's exact value rounded half to even. */
  static String twoDecimals(double d) {
    return new BigDecimal(d).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static double percent(int covered, int notCovered) {
    int total = covered + notCovered;
    return total == 0 ? 0.0 : 100.0 * covered / total;
  }

  /** Sorted distinct rows as ranges of consecutive rows. */
  static List<Range> ranges(Collection<Integer> rows) {
    List<Range> out = new ArrayList<>();
    Integer start = null;
    int end = 0;
    for (int row : new TreeSet<>(rows)) {
      if (start != null && row == end + 1) {
        end = row;
        continue;
      }
      if (start != null) {
        out.add(new Range(start, end));
      }
      start = row;
      end = row;
    }
    if (start != null) {
      out.add(new Range(start, end));
    }
    return out;
  }

  /**
   * The expressions coverage counts in a rule: its body and its else branches' bodies, and the
   * bodies of the comprehensions and {@code every} expressions anywhere inside (head included),
   * without {@code some x} declarations (opa leaves them out: they do not evaluate).
   */
  private static void expressions(Rule r, Consumer<Literal> f) {
    Consumer<Literal> counted = l -> {
      if (!(l.expr() instanceof Expr.SomeDecl) && !l.location().file().isEmpty()) {
        f.accept(l);
      }
    };
    for (Rule branch = r; branch != null; branch = branch.elseRule()) {
      body(branch.body(), counted);
    }
    TermWalker.rule(r, t -> {
      Body closure = switch (t) {
        case Term.ArrayComprehension c -> c.body();
        case Term.SetComprehension c -> c.body();
        case Term.ObjectComprehension c -> c.body();
        default -> null;
      };
      if (closure != null) {
        body(closure, counted);
      }
    });
  }

  /** A body's literals and, depth first, those of the {@code every} bodies among them. */
  private static void body(Body b, Consumer<Literal> f) {
    for (Literal l : b.literals()) {
      f.accept(l);
      if (l.expr() instanceof Expr.Every e) {
        body(e.body(), f);
      }
    }
  }
}
