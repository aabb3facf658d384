package dev.verdict.sandbox.bench;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.verdict.sandbox.capabilities.HostModule;
import dev.verdict.sandbox.capabilities.KvStore;
import dev.verdict.sandbox.engine.Engine;
import dev.verdict.sandbox.engine.FlatMemory;
import dev.verdict.sandbox.engine.GuestRunner;
import dev.verdict.sandbox.engine.RunResult;
import dev.verdict.sandbox.engine.RunSpec;
import dev.verdict.sandbox.engine.Status;
import dev.verdict.sandbox.fuel.FuelInstrumenter;
import dev.verdict.sandbox.limits.Limits;
import dev.verdict.sandbox.limits.Watchdog;
import dev.verdict.sandbox.modules.ModuleLimits;
import dev.verdict.sandbox.modules.ModulePreparer;
import dev.verdict.sandbox.modules.ModuleValidator;
import dev.verdict.sandbox.modules.PreparedModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

/**
 * Figure 1: a CPU-bound C program in Chicory's compiled engine, with and without Verdict's fuel.
 * Every invocation is one whole run of a WASI command, as the executor does it and as
 * {@code wasi-bench.mjs} does it in Node: a fresh WASI context and instance (instantiation, data
 * segments, memory growth by malloc) and {@code _start}. Compiling the module is done once, in setup.
 *
 * <ul>
 *   <li>{@code chicoryDefaults}: the C guest's own bytes, compiled by Chicory's
 *       {@code MachineFactoryCompiler}, memory {@code ByteArrayMemory}, WASI preview1 with
 *       arguments and captured stdout: Chicory's compiled engine as it comes.
 *   <li>{@code uninstrumented}: the same with the executor's {@link FlatMemory}: what the
 *       executor would run if it did not count fuel.
 *   <li>{@code fuelBare}: the same harness on the bytes {@link FuelInstrumenter} wrote, fuel set
 *       before {@code _start}: the instrumentation's cost and nothing else.
 *   <li>{@code fuelService}: {@link ModulePreparer} (validated, instrumented, compiled) and
 *       {@link GuestRunner}, the executor's own path: deadline watch, output budget, host-call
 *       wrappers, memory clamped to the grant, fuel read back.
 * </ul>
 *
 * Setup runs each variant once and checks its output (and that the fuel counted is the same),
 * so a benchmark that computes a wrong answer fails instead of reporting a time.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class CpuBench {

  /** The guest and its arguments; {@link Workloads} holds the expected output. */
  @Param({"sha256", "sieve"})
  public String guest;

  private Workloads.Workload workload;
  private WasmModule plain;
  private Function<Instance, Machine> plainMachine;
  private WasmModule instrumented;
  private Function<Instance, Machine> instrumentedMachine;
  private int fuelGlobal;
  private PreparedModule prepared;
  private GuestRunner runner;
  private RunSpec spec;

  @Setup(Level.Trial)
  public void setUp() {
    workload = Workloads.get(guest);
    byte[] wasm = Workloads.wasm(guest);
    plain = Parser.parse(wasm);
    plainMachine = compile(plain);
    ModuleValidator validator = new ModuleValidator(new ModuleLimits(16 << 20, 65_536, 10_000, 10_000));
    prepared = new ModulePreparer(new FuelInstrumenter(10_000), Engine.COMPILED).prepare(guest, wasm, validator.validate(wasm));
    instrumented = prepared.module();
    instrumentedMachine = compile(instrumented);
    fuelGlobal = prepared.fuel().fuelGlobal();
    runner = new GuestRunner(Engine.COMPILED, new Watchdog(), new HostModule(new KvStore(1, 1)));
    spec = new RunSpec("_start", workload.args(), Map.of(), new byte[0], Workloads.LIMITS, Set.of(), "bench");

    check("chicoryDefaults", chicoryDefaults());
    check("uninstrumented", uninstrumented());
    check("fuelBare", fuelBare());
    RunResult r = fuelService();
    if (r.status() != Status.OK) {
      throw new IllegalStateException("fuelService: " + r.status() + " " + r.error());
    }
    check("fuelService", new String(r.stdout(), StandardCharsets.UTF_8));
    System.out.println("# " + guest + " " + String.join(" ", workload.args()) + ": fuel per run " + r.fuelConsumed());
  }

  private void check(String variant, String out) {
    if (!out.equals(workload.expected())) {
      throw new IllegalStateException(variant + " printed " + out + ", expected " + workload.expected());
    }
  }

  private static Function<Instance, Machine> compile(WasmModule m) {
    return MachineFactoryCompiler.builder(m).withInterpreterFallback(InterpreterFallback.FAIL).compile();
  }

  @Benchmark
  public String chicoryDefaults() {
    return bare(plain, plainMachine, -1, ByteArrayMemory::new);
  }

  @Benchmark
  public String uninstrumented() {
    return bare(plain, plainMachine, -1, FlatMemory::new);
  }

  @Benchmark
  public String fuelBare() {
    return bare(instrumented, instrumentedMachine, fuelGlobal, FlatMemory::new);
  }

  @Benchmark
  public RunResult fuelService() {
    return runner.run(prepared, guest, spec);
  }

  /** One run without the executor: WASI, instance, {@code _start}; the fuel global set when given. */
  private String bare(WasmModule m, Function<Instance, Machine> machine, int fuel, Function<MemoryLimits, Memory> memory) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> argv = new ArrayList<>();
    argv.add(guest);
    argv.addAll(workload.args());
    WasiOptions options = WasiOptions.builder()
        .withStdin(new ByteArrayInputStream(new byte[0]))
        .withStdout(out)
        .withStderr(out)
        .withArguments(argv)
        .build();
    try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
      Instance.Builder b = Instance.builder(m)
          .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
          .withMemoryFactory(memory)
          .withMachineFactory(machine)
          .withStart(false);
      MemoryLimits declared = m.memorySection().get().getMemory(0).limits();
      b.withMemoryLimits(new MemoryLimits(declared.initialPages(), Math.min(declared.maximumPages(), Workloads.LIMITS.memoryPages())));
      Instance instance = b.build();
      if (fuel >= 0) {
        instance.global(fuel).setValue(Workloads.LIMITS.fuel());
      }
      try {
        instance.export("_start").apply();
      } catch (WasiExitException e) {
        if (e.exitCode() != 0) {
          throw e;
        }
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
