package dev.verdict.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code opa test}'s human-readable report: failing, erroring and skipped tests grouped under
 * their file (every test with {@code -v}, which also lists the failures first), print output
 * indented under its test, then the counts. Sub-results of test-cases rules count one each.
 */
final class PrettyTestReport {

  private static final String RULE = "-".repeat(80) + "\n";

  private PrettyTestReport() {}

  static String render(List<TestResult> results, boolean verbose) {
    int pass = 0;
    int fail = 0;
    int skip = 0;
    int errors = 0;
    List<TestResult> failures = new ArrayList<>();
    for (TestResult r : results) {
      if (r.skip()) {
        skip++;
      } else if (r.error() != null) {
        errors++;
      } else {
        if (r.fail()) {
          failures.add(r);
        }
        if (r.subResults().isEmpty()) {
          pass += r.pass() ? 1 : 0;
          fail += r.fail() ? 1 : 0;
        } else {
          int[] leaves = new int[2];
          r.eachSubResult((path, sr) -> {
            if (sr.subResults().isEmpty()) {
              leaves[sr.fail() ? 1 : 0]++;
            }
          });
          pass += leaves[0];
          fail += leaves[1];
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    if (fail > 0 && verbose) {
      sb.append("FAILURES\n").append(RULE);
      failures.forEach(r -> failure(sb, r));
      sb.append("SUMMARY\n").append(RULE);
    }
    boolean listed = tests(sb, results, verbose);
    if (listed) {
      sb.append(RULE);
    }
    int total = pass + fail + skip + errors;
    count(sb, "PASS", pass, total);
    count(sb, "FAIL", fail, total);
    count(sb, "SKIPPED", skip, total);
    count(sb, "ERROR", errors, total);
    return sb.toString();
  }

  /**
   * A failure in the FAILURES section. opa follows the name with the evaluation trace; Verdict
   * has no trace, so the blank lines around it are all that remains.
   */
  private static void failure(StringBuilder sb, TestResult r) {
    sb.append(r.line()).append("\n\n");
    if (!r.subResults().isEmpty()) {
      sb.append('\n');
      r.eachSubResult((path, sr) -> {
        if (sr.fail() && sr.subResults().isEmpty()) {
          for (int depth = 0; depth < path.size(); depth++) {
            sb.append("  ".repeat(depth + 1)).append(path.get(depth)).append(": ").append(sr.outcome()).append('\n');
          }
        }
      });
    }
    sb.append('\n');
  }

  /** The per-test lines; true when any were written. */
  private static boolean tests(StringBuilder sb, List<TestResult> results, boolean verbose) {
    boolean listed = false;
    String lastFile = null;
    for (TestResult r : results) {
      if (verbose || !r.pass()) {
        String file = r.location() != null ? r.location().file() : null;
        if (file != null && !file.equals(lastFile)) {
          if (lastFile != null) {
            sb.append('\n');
          }
          sb.append(file).append(":\n");
          lastFile = file;
        }
        listed = true;
        sb.append(r.line()).append('\n');
        r.eachSubResult((path, sr) -> {
          if (sr.fail() || verbose) {
            sb.append("  ".repeat(path.size())).append(sr.name()).append(": ").append(sr.outcome()).append('\n');
          }
        });
        if (!r.output().isEmpty()) {
          sb.append('\n').append(indent(r.output().strip() + "\n")).append('\n');
        }
      }
      if (r.error() != null) {
        sb.append("  ").append(r.error()).append('\n');
      }
    }
    return listed;
  }

  /** Two spaces at the start of every line, as opa's indenting writer does. */
  private static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      if (lineStart) {
        sb.append("  ");
      }
      char c = text.charAt(i);
      sb.append(c);
      lineStart = c == '\n';
    }
    return sb.toString();
  }

  private static void count(StringBuilder sb, String label, int n, int total) {
    if (n != 0) {
      sb.append(label).append(": ").append(n).append('/').append(total).append('\n');
    }
  }
}
