package dev.verdict.sandbox.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Figure 1 in JMH, one variant per fork (see {@link GuestVariants} for what each one runs): a
 * CPU-bound C program in Chicory's compiled engine, with and without Verdict's fuel. The figure
 * itself comes from {@link PairedBench}, which alternates the variants and Node in one run; this
 * class gives each variant's own distribution, and works with JMH's profilers.
 *
 * <p>Setup runs the measured variant once and checks its output, so a benchmark that computes a
 * wrong answer fails instead of reporting a time. Only that variant runs in the fork: running the
 * others would change what the JIT knows about the shared runtime classes.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class CpuBench {

  /** The guest and its arguments; {@link Workloads} holds the expected output. */
  @Param({"sha256", "sieve"})
  public String guest;

  private GuestVariants variants;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    variants = new GuestVariants(guest);
    String variant = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    variants.check(variant, variants.run(variant));
    if (variant.equals("fuelService")) {
      System.out.println("# " + guest + " " + String.join(" ", variants.workload.args()) + ": fuel per run "
          + variants.lastFuel());
    }
  }

  @Benchmark
  public String chicoryDefaults() {
    return variants.chicoryDefaults();
  }

  @Benchmark
  public String uninstrumented() {
    return variants.uninstrumented();
  }

  @Benchmark
  public String fuelBare() {
    return variants.fuelBare();
  }

  @Benchmark
  public String fuelService() {
    return variants.fuelService();
  }
}
