package dev.verdict.sandbox.modules;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.verdict.sandbox.engine.Engine;
import dev.verdict.sandbox.fuel.FuelInstrumenter;
import dev.verdict.sandbox.fuel.Instrumented;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Validated bytes → instrumented, re-parsed (which re-validates the rewrite) and, for the compiled
 * engine, compiled to JVM bytecode. Compilation runs on its own executor: the upload waits for it
 * up to {@code compileWaitMs} (small modules come back compiled, and a module that cannot be
 * compiled is refused), and a large module's runs are interpreted until its compilation finishes
 * — the interpreter enforces the same fuel, deadline and limits. A module whose compilation fails
 * after the wait stays interpreted.
 */
public final class ModulePreparer {

  private static final Logger LOG = Logger.getLogger(ModulePreparer.class);

  private final FuelInstrumenter instrumenter;
  private final Engine engine;
  private final Executor compiler;
  private final long compileWaitMs;
  private final Consumer<Long> onCompiled;

  /** Compiles on the calling thread, before {@link #prepare} returns. */
  public ModulePreparer(FuelInstrumenter instrumenter, Engine engine) {
    this(instrumenter, engine, Runnable::run, Long.MAX_VALUE, ns -> {});
  }

  /** Compiles on {@code compiler}, waiting up to {@code compileWaitMs}; {@code onCompiled} hears each compile's nanoseconds. */
  public ModulePreparer(FuelInstrumenter instrumenter, Engine engine, Executor compiler, long compileWaitMs,
      Consumer<Long> onCompiled) {
    this.instrumenter = instrumenter;
    this.engine = engine;
    this.compiler = compiler;
    this.compileWaitMs = compileWaitMs;
    this.onCompiled = onCompiled;
  }

  public PreparedModule prepare(String sha256, byte[] wasm, WasmModule validated) {
    Instrumented fuel = instrumenter.instrument(wasm, validated);
    WasmModule module = Parser.parse(fuel.wasm());
    if (engine != Engine.COMPILED) {
      return new PreparedModule(sha256, module, fuel, null);
    }
    CompletableFuture<Function<Instance, Machine>> compiled = CompletableFuture.supplyAsync(() -> compile(module), compiler);
    try {
      compiled.get(compileWaitMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw InvalidModuleException.bad("module cannot be compiled: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      compiled.whenComplete((m, err) -> {
        if (err != null) {
          LOG.warnf("module %s cannot be compiled, its runs stay interpreted: %s", sha256, err.getMessage());
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling module " + sha256, e);
    }
    return new PreparedModule(sha256, module, fuel, compiled);
  }

  private Function<Instance, Machine> compile(WasmModule module) {
    long start = System.nanoTime();
    // FAIL, not a per-function fallback: an interpreted function would miss the compiled engine's interrupt checks.
    Function<Instance, Machine> m = MachineFactoryCompiler.builder(module)
        .withInterpreterFallback(InterpreterFallback.FAIL)
        .compile();
    onCompiled.accept(System.nanoTime() - start);
    return m;
  }
}
