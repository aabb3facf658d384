package dev.verdict.sandbox.engine;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.verdict.sandbox.capabilities.HostModule;
import dev.verdict.sandbox.limits.BoundedOutput;
import dev.verdict.sandbox.limits.Watchdog;
import dev.verdict.sandbox.modules.PreparedModule;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one prepared module on the calling thread under a run's limits and capabilities, and says
 * how it ended. Nothing a guest does escapes as an exception: every outcome is a {@link RunResult}.
 */
public record GuestRunner(Engine engine, Watchdog watchdog, HostModule host) {

  /** The interpreter polls the deadline this often (in instructions): it misses br_if/br_table interrupts. */
  private static final int POLL_MASK = 1023;

  public RunResult run(PreparedModule m, String programName, RunSpec spec) {
    long start = System.nanoTime();
    // A module still compiling (or that could not be compiled) runs interpreted meanwhile.
    Function<Instance, Machine> machine = engine == Engine.COMPILED ? m.machine() : null;
    Engine ran = machine != null ? Engine.COMPILED : Engine.INTERPRETER;
    BoundedOutput output = new BoundedOutput(spec.limits().outputBytes());
    Instance[] instance = new Instance[1];
    Status status;
    Integer exitCode = null;
    String error = null;
    try (Watchdog.Watch watch = watchdog.watch(spec.limits().timeoutMs());
        WasiPreview1 wasi = wasi(programName, spec, output)) {
      try {
        int max = memoryMax(m.module(), spec.limits().memoryPages());
        if (max < 0) {
          return end(Status.MEMORY_EXCEEDED, null, output, 0, start, "the module's initial memory exceeds the granted "
              + spec.limits().memoryPages() + " pages", ran);
        }
        instance[0] = instantiate(m, machine, imports(m.module(), spec, wasi, output, watch), max, watch);
        instance[0].global(m.fuel().fuelGlobal()).setValue(spec.limits().fuel());
        if (m.fuel().hasStart()) {
          instance[0].export(m.fuel().startExport()).apply();
        }
        ExportFunction f = instance[0].export(spec.function());
        f.apply();
        status = Status.OK;
        exitCode = 0;
      } catch (WasiExitException e) {
        exitCode = e.exitCode();
        status = exitCode == 0 ? Status.OK : Status.EXIT;
      } catch (StackOverflowError e) {
        status = Status.STACK_EXHAUSTED;
        error = "call stack exhausted";
      } catch (ChicoryException | ArithmeticException | IndexOutOfBoundsException e) {
        status = e.getMessage() != null && e.getMessage().contains("call stack exhausted") ? Status.STACK_EXHAUSTED : Status.TRAP;
        error = e.getMessage();
      }
      if (watch.expired() && status != Status.OK && status != Status.EXIT) {
        status = Status.DEADLINE_EXCEEDED;
        error = "deadline of " + spec.limits().timeoutMs() + " ms exceeded";
      }
    }
    long fuelLeft = instance[0] == null ? spec.limits().fuel() : instance[0].global(m.fuel().fuelGlobal()).getValue();
    // The instrumentation tests the fuel only where a run could go on without end or reach the host:
    // a run can finish its last straight-line code on fuel it did not have (see FuelInstrumenter).
    if (fuelLeft < 0 && (status == Status.TRAP || status == Status.OK || status == Status.EXIT)) {
      status = Status.FUEL_EXHAUSTED;
      exitCode = null;
      error = "fuel limit of " + spec.limits().fuel() + " exhausted";
    } else if (status == Status.TRAP && instance[0] != null && instance[0].global(m.fuel().growFailedGlobal()).getValue() != 0) {
      status = Status.MEMORY_EXCEEDED;
      error = "memory.grow beyond the granted " + spec.limits().memoryPages() + " pages; then: " + error;
    }
    long consumed = fuelLeft < 0 ? spec.limits().fuel() : spec.limits().fuel() - fuelLeft;
    return end(status, exitCode, output, consumed, start, error, ran);
  }

  private static RunResult end(Status status, Integer exitCode, BoundedOutput out, long fuel, long start, String error,
      Engine ran) {
    return new RunResult(status, exitCode, out.stdoutBytes(), out.stderrBytes(), out.truncated(), fuel,
        (System.nanoTime() - start) / 1_000_000, error, ran);
  }

  /** The module's memory maximum clamped to the grant; -1 when even its initial size exceeds the grant. */
  private static int memoryMax(WasmModule module, int grantedPages) {
    if (module.memorySection().isEmpty()) {
      return 0;
    }
    MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
    return declared.initialPages() > grantedPages ? -1 : Math.min(declared.maximumPages(), grantedPages);
  }

  private static Instance instantiate(PreparedModule m, Function<Instance, Machine> machine, ImportValues imports,
      int maxPages, Watchdog.Watch watch) {
    Instance.Builder b = Instance.builder(m.module())
        .withImportValues(imports)
        .withStart(false)
        .withMemoryFactory(GuestRunner::memory);
    if (m.module().memorySection().isPresent()) {
      b.withMemoryLimits(new MemoryLimits(m.module().memorySection().get().getMemory(0).limits().initialPages(), maxPages));
    }
    if (machine != null) {
      b.withMachineFactory(machine);
    } else {
      int[] count = new int[1];
      b.withUnsafeExecutionListener((ins, stack) -> {
        if ((++count[0] & POLL_MASK) == 0) {
          watch.check();
        }
      });
    }
    return b.build();
  }

  /** {@link FlatMemory} (one array: markedly faster) unless the grant exceeds what one array holds. */
  private static Memory memory(MemoryLimits limits) {
    return limits.maximumPages() <= FlatMemory.MAX_PAGES ? new FlatMemory(limits) : new ByteArrayMemory(limits);
  }

  private static WasiPreview1 wasi(String programName, RunSpec spec, BoundedOutput output) {
    List<String> argv = new ArrayList<>();
    argv.add(programName);
    argv.addAll(spec.args());
    WasiOptions.Builder o = WasiOptions.builder()
        .withStdin(new ByteArrayInputStream(spec.stdin()))
        .withStdout(output.stdout())
        .withStderr(output.stderr())
        .withArguments(argv);
    if (spec.capabilities().contains(HostModule.WASI_ENV)) {
      for (Map.Entry<String, String> e : spec.env().entrySet()) {
        o.withEnvironment(e.getKey(), e.getValue());
      }
    }
    return WasiPreview1.builder().withOptions(o.build()).build();
  }

  /**
   * WASI and the granted {@code verdict} functions, each wrapped to end the run once the deadline
   * passed: a WASI call (poll_oneoff) can swallow the thread's interrupt.
   */
  private ImportValues imports(WasmModule module, RunSpec spec, WasiPreview1 wasi, BoundedOutput output, Watchdog.Watch watch) {
    List<String> verdictImports = module.importSection().stream()
        .filter(i -> i.module().equals(HostModule.NAME))
        .map(i -> i.name())
        .toList();
    List<HostFunction> all = new ArrayList<>(List.of(wasi.toHostFunctions()));
    all.addAll(host.link(verdictImports, spec.capabilities(), spec.tenant(), output.stderr()));
    ImportValues.Builder b = ImportValues.builder();
    for (HostFunction f : all) {
      b.addFunction(new HostFunction(f.module(), f.name(), f.functionType(), (inst, args) -> {
        watch.check();
        long[] r = f.handle().apply(inst, args);
        watch.check();
        return r;
      }));
    }
    return b.build();
  }
}
