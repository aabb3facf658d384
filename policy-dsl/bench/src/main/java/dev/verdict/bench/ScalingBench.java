package dev.verdict.bench;

import dev.verdict.bench.scaling.ScaledPolicySet;
import dev.verdict.bench.scaling.ScalingPolicy;
import dev.verdict.bench.scaling.ScalingPolicy.Probe;
import dev.verdict.value.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Evaluation time against generated policy sets of growing size ({@link ScalingPolicy}): with rule
 * indexing the median should stay flat from 10 to 100,000 rules. The policy set is generated and
 * compiled once per trial and every probe's answer is checked before timing.
 *
 * <ul>
 *   <li>{@code hitLast}: matches the last rule;
 *   <li>{@code hitPathRule}: matches the last rule with a non-indexable {@code startswith};
 *   <li>{@code missPath}: indexed conditions of that rule match, its {@code startswith} fails;
 *   <li>{@code missTenant}: no rule names the tenant.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ScalingBench {

  @Param({"10", "1000", "10000", "100000"})
  public int rules;

  private ScaledPolicySet policies;
  private Value hitLast;
  private Value hitPathRule;
  private Value missPath;
  private Value missTenant;

  @Setup(Level.Trial)
  public void setUp() {
    policies = ScaledPolicySet.compile(rules, ScalingPolicy.generate(rules)).verify();
    hitLast = policies.input(Probe.HIT_LAST);
    hitPathRule = policies.input(Probe.HIT_PATH_RULE);
    missPath = policies.input(Probe.MISS_PATH);
    missTenant = policies.input(Probe.MISS_TENANT);
  }

  @Benchmark
  public void hitLast(Blackhole bh) {
    bh.consume(policies.decide(hitLast));
  }

  @Benchmark
  public void hitPathRule(Blackhole bh) {
    bh.consume(policies.decide(hitPathRule));
  }

  @Benchmark
  public void missPath(Blackhole bh) {
    bh.consume(policies.decide(missPath));
  }

  @Benchmark
  public void missTenant(Blackhole bh) {
    bh.consume(policies.decide(missTenant));
  }
}
