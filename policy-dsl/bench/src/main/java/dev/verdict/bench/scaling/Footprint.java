package dev.verdict.bench.scaling;

import dev.verdict.PolicySet;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Compile time and retained heap of generated policy sets ({@link ScalingPolicy}), outside JMH:
 *
 * <pre>
 * java -Xms4g -Xmx4g -cp benchmarks.jar dev.verdict.bench.scaling.Footprint [--jol] [rules ...]
 * </pre>
 *
 * <p>For each rule count (default 100,000): generate the source, then time {@code Verdict.compile}
 * (wall clock, which the budget applies to, and CPU time of the whole JVM, which a busy machine
 * does not inflate; the first count compiled is a cold JVM, as at a sidecar's start), check the
 * compiled set answers every probe, and measure the heap it retains: used heap after full GCs with
 * the policy set reachable, minus used heap after full GCs before the source was generated. The
 * policy set keeps its sources, so the figure includes the source text (printed alongside). {@code
 * --jol} adds JOL's walk of the object graph reachable from the policy set (exact, but slow:
 * minutes for 100,000 rules).
 *
 * <p>Budgets for 100,000 rules: compile under 20 s, retained heap under 500 MB. Exit status 1 when
 * a budget is exceeded, 2 when Verdict cannot compile in this build.
 */
public final class Footprint {

  static final int BUDGET_RULES = 100_000;
  static final double BUDGET_COMPILE_SECONDS = 20.0;
  static final double BUDGET_RETAINED_MB = 500.0;

  private Footprint() {}

  record Row(
      int rules,
      long sourceBytes,
      double compileSeconds,
      double compileCpuSeconds,
      long retainedBytes,
      long jolBytes) {}

  public static void main(String[] args) {
    boolean jol = false;
    List<Integer> counts = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--jol")) {
        jol = true;
        // Without it JOL 0.17 cannot read field offsets of records (Verdict's AST and values).
        System.setProperty("jol.magicFieldOffset", "true");
      } else {
        counts.add(Integer.parseInt(arg.replace("_", "").replace(",", "")));
      }
    }
    if (counts.isEmpty()) {
      counts.add(BUDGET_RULES);
    }
    List<Row> rows = new ArrayList<>();
    try {
      for (int rules : counts) {
        rows.add(measure(rules, jol));
      }
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
    System.exit(print(rows, jol) ? 0 : 1);
  }

  static Row measure(int rules, boolean jol) {
    long baseline = HeapMeter.usedAfterGc();
    String source = ScalingPolicy.generate(rules);
    long sourceBytes = source.length();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    ScaledPolicySet compiled = ScaledPolicySet.compile(rules, source);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    source = null;
    compiled.verify();
    PolicySet policies = compiled.policies();
    compiled = null;
    long retained = HeapMeter.usedAfterGc() - baseline;
    long jolBytes = jol ? GraphLayout.parseInstance(policies).totalSize() : -1;
    Reference.reachabilityFence(policies);
    return new Row(rules, sourceBytes, seconds, cpuSeconds, retained, jolBytes);
  }

  /** Prints the table; false when a budget is exceeded. */
  static boolean print(List<Row> rows, boolean jol) {
    System.out.println();
    System.out.println(
        "| rules | source | compile (wall) | compile (CPU, all threads) | retained heap (GC delta)"
            + (jol ? " | retained (JOL)" : "")
            + " |");
    System.out.println("|---:|---:|---:|---:|---:|" + (jol ? "---:|" : ""));
    boolean ok = true;
    for (Row r : rows) {
      System.out.println(
          String.format(
              Locale.ROOT,
              "| %,d | %.1f MB | %.2f s | %.2f s | %.1f MB%s |",
              r.rules(),
              mb(r.sourceBytes()),
              r.compileSeconds(),
              r.compileCpuSeconds(),
              mb(r.retainedBytes()),
              jol ? String.format(Locale.ROOT, " | %.1f MB", mb(r.jolBytes())) : ""));
      if (r.rules() == BUDGET_RULES) {
        ok &= budget("compile", r.compileSeconds(), BUDGET_COMPILE_SECONDS, "s");
        ok &= budget("retained heap", mb(r.retainedBytes()), BUDGET_RETAINED_MB, "MB");
      }
    }
    return ok;
  }

  private static boolean budget(String what, double value, double limit, String unit) {
    boolean ok = value < limit;
    System.out.println(
        String.format(
            Locale.ROOT,
            "%s: %s %.1f %s (budget < %.0f %s)",
            ok ? "PASS" : "FAIL",
            what,
            value,
            unit,
            limit,
            unit));
    return ok;
  }

  /** CPU time of the whole JVM (compiling thread, GC and JIT), or -1 where not available. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static double mb(long bytes) {
    return bytes / 1e6;
  }
}
