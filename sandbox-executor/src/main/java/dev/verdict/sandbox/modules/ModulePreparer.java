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
import java.util.function.Function;

/** Validated bytes → instrumented, re-parsed (which re-validates the rewrite) and, if so configured, compiled. */
public final class ModulePreparer {

  private final FuelInstrumenter instrumenter;
  private final Engine engine;

  public ModulePreparer(FuelInstrumenter instrumenter, Engine engine) {
    this.instrumenter = instrumenter;
    this.engine = engine;
  }

  public PreparedModule prepare(String sha256, byte[] wasm, WasmModule validated) {
    Instrumented fuel = instrumenter.instrument(wasm, validated);
    WasmModule module = Parser.parse(fuel.wasm());
    Function<Instance, Machine> machine = null;
    if (engine == Engine.COMPILED) {
      try {
        // FAIL, not a fallback: an interpreted function would miss the compiled engine's interrupt checks.
        machine = MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.FAIL).compile();
      } catch (RuntimeException e) {
        throw InvalidModuleException.bad("module cannot be compiled: " + e.getMessage());
      }
    }
    return new PreparedModule(sha256, module, fuel, machine);
  }
}
