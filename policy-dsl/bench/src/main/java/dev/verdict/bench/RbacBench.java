package dev.verdict.bench;

import dev.verdict.bench.demo.OpaWasmDemo;
import dev.verdict.bench.demo.VerdictDemo;
import dev.verdict.bench.opadocs.VerdictOpaDocs;
import dev.verdict.bench.rbac.CasbinRbac;
import dev.verdict.bench.rbac.CedarRbac;
import dev.verdict.bench.rbac.VerdictRbac;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One decision per invocation, side by side in one JVM, each engine cycling through the same
 * fixed request set. Every engine's state compiles its policy once and checks its answers for the
 * whole request set in setup; a wrong answer fails that benchmark.
 *
 * <ul>
 *   <li>{@code rbac_*}: OPA's documented RBAC example (64 requests, 26 allow): Verdict on the Rego
 *       policy, jcasbin on the equivalent model, cedar-java on the equivalent Cedar policies.
 *   <li>{@code demo_*}: the demo policy inside opa-java-wasm's jar, on opa-java-wasm and ported to
 *       Verdict (64 requests, 16 allow). {@code demo_verdict_json} does the same per-call work as
 *       opa-java-wasm's API: JSON text in, JSON text out.
 *   <li>{@code opadocs_verdict}: the policy and input OPA's published {@code opa bench} figure was
 *       measured with (45 µs/op, median 35.8 µs on its machine), on Verdict.
 * </ul>
 *
 * <p>Sample time in microseconds: each row gives the distribution of single-decision times (read
 * the p0.50 line for the median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class RbacBench {

  @Benchmark
  public void rbac_verdict(VerdictRbac engine, Blackhole bh) {
    bh.consume(engine.next());
  }

  @Benchmark
  public void rbac_jcasbin(CasbinRbac engine, Blackhole bh) {
    bh.consume(engine.next());
  }

  @Benchmark
  public void rbac_cedar(CedarRbac engine, Blackhole bh) {
    bh.consume(engine.next());
  }

  @Benchmark
  public void demo_opaWasm(OpaWasmDemo engine, Blackhole bh) {
    bh.consume(engine.next());
  }

  @Benchmark
  public void demo_verdict(VerdictDemo engine, Blackhole bh) {
    bh.consume(engine.next());
  }

  @Benchmark
  public void demo_verdict_json(VerdictDemo engine, Blackhole bh) {
    bh.consume(engine.nextJson());
  }

  @Benchmark
  public void opadocs_verdict(VerdictOpaDocs engine, Blackhole bh) {
    bh.consume(engine.next());
  }
}
