package dev.verdict.sandbox.modules;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import dev.verdict.sandbox.fuel.Instrumented;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A module ready to instantiate: the instrumented, parsed module and, for the compiled engine, its
 * reusable machine factory as it becomes ready ({@code compiled} completes when the background
 * compilation ends; it is null for the interpreter engine).
 */
public record PreparedModule(String sha256, WasmModule module, Instrumented fuel,
    CompletableFuture<Function<Instance, Machine>> compiled) {

  /** The compiled machine factory if compilation has finished and succeeded, else null: run interpreted. */
  public Function<Instance, Machine> machine() {
    if (compiled == null || !compiled.isDone() || compiled.isCompletedExceptionally()) {
      return null;
    }
    return compiled.join();
  }
}
