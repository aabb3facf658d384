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
import java.util.function.Function;

/**
 * One C guest made ready to run in each of the ways Figure 1 compares; every run is one whole run
 * of a WASI command: a fresh WASI context and instance (instantiation, data segments, memory growth
 * by malloc) and {@code _start}. Compiling happens once, here; each variant has its own compiled
 * classes, so that running one does not change how the JIT compiles another.
 *
 * <ul>
 *   <li>{@link #chicoryDefaults}: the guest's own bytes, Chicory's {@code MachineFactoryCompiler},
 *       memory {@code ByteArrayMemory}: Chicory's compiled engine as it comes.
 *   <li>{@link #uninstrumented}: the same with the executor's {@link FlatMemory}: what the executor
 *       would run if it did not count fuel.
 *   <li>{@link #fuelBare}: the same harness on the bytes {@link FuelInstrumenter} wrote, fuel set
 *       before {@code _start}: the instrumentation's cost and nothing else.
 *   <li>{@link #fuelService}: {@link ModulePreparer} (validated, instrumented, compiled) and
 *       {@link GuestRunner}, the executor's own path: deadline watch, output budget, host-call
 *       wrappers, memory clamped to the grant, fuel read back.
 * </ul>
 *
 * Each method returns what the guest printed; {@link #check} says whether that is the right answer.
 */
final class GuestVariants {

  final String guest;
  final Workloads.Workload workload;
  private final WasmModule plain;
  private final Function<Instance, Machine> defaultsMachine;
  private final Function<Instance, Machine> plainMachine;
  private final WasmModule instrumented;
  private final Function<Instance, Machine> instrumentedMachine;
  private final int fuelGlobal;
  private final PreparedModule prepared;
  private final GuestRunner runner;
  private final RunSpec spec;
  private long lastFuel;

  GuestVariants(String guest) {
    this.guest = guest;
    workload = Workloads.get(guest);
    byte[] wasm = Workloads.wasm(guest);
    plain = Parser.parse(wasm);
    defaultsMachine = compile(plain);
    plainMachine = compile(plain);
    ModuleValidator validator = new ModuleValidator(new ModuleLimits(16 << 20, 65_536, 10_000, 10_000));
    prepared = new ModulePreparer(new FuelInstrumenter(10_000), Engine.COMPILED).prepare(guest, wasm, validator.validate(wasm));
    instrumented = prepared.module();
    instrumentedMachine = compile(instrumented);
    fuelGlobal = prepared.fuel().fuelGlobal();
    runner = new GuestRunner(Engine.COMPILED, new Watchdog(), new HostModule(new KvStore(1, 1)));
    spec = new RunSpec("_start", workload.args(), Map.of(), new byte[0], Workloads.LIMITS, Set.of(), "bench");
  }

  private static Function<Instance, Machine> compile(WasmModule m) {
    return MachineFactoryCompiler.builder(m).withInterpreterFallback(InterpreterFallback.FAIL).compile();
  }

  String chicoryDefaults() {
    return bare(plain, defaultsMachine, -1, ByteArrayMemory::new);
  }

  String uninstrumented() {
    return bare(plain, plainMachine, -1, FlatMemory::new);
  }

  String fuelBare() {
    return bare(instrumented, instrumentedMachine, fuelGlobal, FlatMemory::new);
  }

  String fuelService() {
    RunResult r = runner.run(prepared, guest, spec);
    if (r.status() != Status.OK) {
      throw new IllegalStateException("fuelService: " + r.status() + " " + r.error());
    }
    lastFuel = r.fuelConsumed();
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  /** Runs the variant named as its method is. */
  String run(String variant) {
    return switch (variant) {
      case "chicoryDefaults" -> chicoryDefaults();
      case "uninstrumented" -> uninstrumented();
      case "fuelBare" -> fuelBare();
      case "fuelService" -> fuelService();
      default -> throw new IllegalArgumentException("no variant " + variant);
    };
  }

  /** The fuel the last {@link #fuelService} run consumed. */
  long lastFuel() {
    return lastFuel;
  }

  /** Fails unless {@code out} is what the guest must print. */
  void check(String variant, String out) {
    if (!out.equals(workload.expected())) {
      throw new IllegalStateException(guest + " " + variant + " printed " + out + ", expected " + workload.expected());
    }
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
