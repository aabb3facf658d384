package dev.verdict.sandbox.modules;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import dev.verdict.sandbox.fuel.Instrumented;
import java.util.function.Function;

/**
 * A module ready to instantiate: the instrumented, parsed module and, for the compiled engine, its
 * reusable machine factory (null for the interpreter).
 */
public record PreparedModule(String sha256, WasmModule module, Instrumented fuel, Function<Instance, Machine> machine) {}
