package dev.verdict.eval;

import java.util.BitSet;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which source lines evaluation reached, as OPA's coverage tracer does: the row of every
 * expression evaluation reaches, and the row of a rule's head each time the rule's body succeeds.
 * Only a program planned for coverage ({@link dev.verdict.PolicySet#withCoverage}) reports here;
 * its probes are steps of their own, so ordinary plans carry none and pay nothing. Thread-safe.
 */
public final class CoverageCollector {

  private final Map<String, Lines> files = new ConcurrentHashMap<>();

  /** The rows hit in one file, for a probe to hold on to. */
  static final class Lines {
    private final BitSet rows = new BitSet();

    synchronized void hit(int row) {
      rows.set(row);
    }

    synchronized SortedSet<Integer> rows() {
      SortedSet<Integer> out = new TreeSet<>();
      rows.stream().forEach(out::add);
      return out;
    }
  }

  /** The hit rows of {@code file}, created on first use. */
  Lines file(String file) {
    return files.computeIfAbsent(file, f -> new Lines());
  }

  /** Marks {@code file:row} as reached. */
  public void hit(String file, int row) {
    file(file).hit(row);
  }

  /** The rows reached so far, by file (both sorted); files with no row reached are left out. */
  public Map<String, SortedSet<Integer>> hits() {
    Map<String, SortedSet<Integer>> out = new TreeMap<>();
    files.forEach((file, lines) -> {
      SortedSet<Integer> rows = lines.rows();
      if (!rows.isEmpty()) {
        out.put(file, rows);
      }
    });
    return out;
  }
}
