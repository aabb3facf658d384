package dev.verdict.sandbox.fuel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.OpCode;
import dev.verdict.sandbox.Guests;
import dev.verdict.sandbox.capabilities.HostModule;
import dev.verdict.sandbox.capabilities.KvStore;
import dev.verdict.sandbox.engine.Engine;
import dev.verdict.sandbox.engine.GuestRunner;
import dev.verdict.sandbox.engine.RunResult;
import dev.verdict.sandbox.engine.RunSpec;
import dev.verdict.sandbox.engine.Status;
import dev.verdict.sandbox.limits.Limits;
import dev.verdict.sandbox.limits.Watchdog;
import dev.verdict.sandbox.modules.ModuleLimits;
import dev.verdict.sandbox.modules.ModulePreparer;
import dev.verdict.sandbox.modules.ModuleValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuel a run reports is exactly what the original module executes: counted here by Chicory's
 * interpreter, instruction by instruction, on the uninstrumented module (block, loop and end are
 * free; each call to an import adds {@link FuelCosts#HOST_CALL}; each page memory.grow asks for
 * adds {@link FuelCosts#MEMORY_PAGE}), and compared with both engines running the instrumented one.
 */
class FuelInstrumenterTest {

  static final Limits LIMITS = new Limits(10_000_000_000L, 60_000, 1_024, 1 << 20);
  static final ModuleValidator VALIDATOR = new ModuleValidator(new ModuleLimits(1 << 20, 1_024, 10_000, 10_000));

  /** Control flow of every shape the instrumenter treats apart: exits through branches to the function's label, br_table, if/else, calls. */
  static final String SHAPES = """
      (module
        (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
        (type $unary (func (param i32) (result i32)))
        (table 2 funcref)
        (elem (i32.const 0) $double $classify)
        (global $g (mut i32) (i32.const 0))
        (memory 1)
        (func $double (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
        ;; leaves by br_if (with a value) to the function's label, by return, and by its end
        (func $classify (param i32) (result i32)
          block $b
            i32.const 100
            local.get 0
            i32.eqz
            br_if 1
            drop
            local.get 0
            i32.const 7
            i32.gt_u
            br_if $b
            local.get 0
            i32.const 3
            i32.rem_u
            if (result i32)
              i32.const 1
            else
              local.get 0
              i32.const 2
              i32.add
            end
            return
          end
          i32.const -1)
        ;; leaves by br_table, br_if and br to the function's label, and by return
        (func $side (param i32)
          (block $c
            (block $d
              (br_table $d $c 2 (i32.and (local.get 0) (i32.const 3))))
            (global.set $g (i32.add (global.get $g) (i32.const 1)))
            (br_if 1 (i32.gt_u (local.get 0) (i32.const 20))))
          (global.set $g (i32.add (global.get $g) (i32.const 10)))
          (if (i32.eq (local.get 0) (i32.const 5)) (then (return)))
          (global.set $g (i32.add (global.get $g) (i32.const 100)))
          (br 0))
        (func $main (local $i i32) (local $acc i32)
          (loop $l
            (local.set $acc (i32.add (local.get $acc) (call $classify (local.get $i))))
            (call $side (local.get $i))
            (local.set $acc (i32.add (local.get $acc)
              (call_indirect (type $unary) (local.get $i) (i32.and (local.get $i) (i32.const 1)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $l (i32.lt_u (local.get $i) (i32.const 40))))
          (call $exit (i32.and (local.get $acc) (i32.const 0))))
        (func (export "_start") (call $main)))
      """;

  /**
   * Exceptions (no WAT tool here spells try_table, so the bytes by hand): a function throws from
   * the local-copy scheme, a caller with try_table catches in the global-only scheme, in a loop.
   * <pre>
   * (tag $e (param i32))
   * (func $thrower (param i32) (if (i32.gt_u (local.get 0) (i32.const 3)) (then (throw $e (local.get 0)))))
   * (func (export "_start") (local $i i32) (local $sum i32)
   *   (loop $l
   *     (block $h (result i32) (try_table (catch $e $h) (call $thrower (local.get $i))) (i32.const 0))
   *     (local.set $sum (i32.add (local.get $sum)))
   *     (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 10)))))
   * </pre>
   */
  static final byte[] EXCEPTIONS = bytes(
      0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
      0x01, 0x08, 0x02, 0x60, 0x01, 0x7F, 0x00, 0x60, 0x00, 0x00, // types: (i32) -> (), () -> ()
      0x03, 0x03, 0x02, 0x00, 0x01, // functions
      0x0D, 0x03, 0x01, 0x00, 0x00, // tags: one, of type 0
      0x07, 0x0A, 0x01, 0x06, '_', 's', 't', 'a', 'r', 't', 0x00, 0x01, // export _start
      0x0A, 0x39, 0x02, // code: two bodies
      0x0E, 0x00, 0x20, 0x00, 0x41, 0x03, 0x4B, 0x04, 0x40, 0x20, 0x00, 0x08, 0x00, 0x0B, 0x0B,
      0x28, 0x01, 0x02, 0x7F,
      0x03, 0x40, 0x02, 0x7F, 0x1F, 0x40, 0x01, 0x00, 0x00, 0x00, 0x20, 0x00, 0x10, 0x00, 0x0B, 0x41, 0x00, 0x0B,
      0x20, 0x01, 0x6A, 0x21, 0x01,
      0x20, 0x00, 0x41, 0x01, 0x6A, 0x22, 0x00, 0x41, 0x0A, 0x49, 0x0D, 0x00, 0x0B, 0x0B);

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static Stream<Arguments> programs() {
    return Stream.of(
        Arguments.of("shapes", Guests.wat(SHAPES), List.of()),
        Arguments.of("exceptions", EXCEPTIONS, List.of()),
        Arguments.of("sum.wat", Guests.wasm("sum"), List.of()),
        Arguments.of("hello.wat", Guests.wasm("hello"), List.of()),
        Arguments.of("exit3.wat", Guests.wasm("exit3"), List.of()),
        Arguments.of("hello.c", Guests.c("hello"), List.of("an", "argument")),
        Arguments.of("sha256.c", Guests.c("sha256"), List.of("1000", "3")),
        Arguments.of("sieve.c", Guests.c("sieve"), List.of("5000", "2")),
        Arguments.of("huge_printf.c", Guests.c("huge_printf"), List.of("50")),
        Arguments.of("malloc_bomb.c", Guests.c("malloc_bomb"), List.of()),
        Arguments.of("recursion.c", Guests.c("recursion"), List.of("300")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void fuelIsWhatTheOriginalModuleExecutes(String name, byte[] wasm, List<String> args) throws Exception {
    long expected = countedByTheInterpreter(wasm, args);
    for (Engine e : Engine.values()) {
      RunResult r = run(wasm, e, args);
      String what = name + " in " + e + " (" + r.status() + ": " + r.error() + ")";
      if (r.status() == Status.OK || r.status() == Status.EXIT) {
        assertEquals(expected, r.fuelConsumed(), what);
      } else {
        // a trap leaves out what the innermost function used since its last call (abort: a few instructions)
        assertTrue(r.fuelConsumed() <= expected && r.fuelConsumed() > expected - 100, what + ": " + r.fuelConsumed() + " of " + expected);
      }
    }
  }

  static RunResult run(byte[] wasm, Engine engine, List<String> args) throws Exception {
    var prepared = new ModulePreparer(new FuelInstrumenter(10_000), engine).prepare("t", wasm, VALIDATOR.validate(wasm));
    GuestRunner runner = new GuestRunner(engine, new Watchdog(), new HostModule(new KvStore(1, 1)));
    RunSpec spec = new RunSpec("_start", args, Map.of(), new byte[0], LIMITS, Set.of(), "t");
    // a thread of its own with a known stack: the recursion guest goes 300 calls deep
    RunResult[] out = new RunResult[1];
    Thread t = new Thread(null, () -> out[0] = runner.run(prepared, "guest", spec), "fuel-test", 16 << 20);
    t.start();
    t.join();
    if (out[0].status() != Status.OK && out[0].status() != Status.EXIT && out[0].status() != Status.MEMORY_EXCEEDED) {
      throw new AssertionError(out[0].status() + ": " + out[0].error());
    }
    return out[0];
  }

  /** Runs the original module in the interpreter, adding up what each executed instruction costs. */
  static long countedByTheInterpreter(byte[] wasm, List<String> args) throws Exception {
    WasmModule module = Parser.parse(wasm);
    int imported = module.importSection().count(ExternalType.FUNCTION);
    long[] fuel = new long[1];
    List<String> argv = new ArrayList<>();
    argv.add("guest");
    argv.addAll(args);
    WasiOptions options = WasiOptions.builder()
        .withStdin(new ByteArrayInputStream(new byte[0]))
        .withStdout(new ByteArrayOutputStream())
        .withStderr(new ByteArrayOutputStream())
        .withArguments(argv)
        .build();
    Thread t = new Thread(null, () -> {
      try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
        Instance.Builder b = Instance.builder(module)
            .withStart(false) // or build() would run _start itself
            .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
            .withUnsafeExecutionListener((ins, stack) -> {
              OpCode op = ins.opcode();
              if (op != OpCode.BLOCK && op != OpCode.LOOP && op != OpCode.END) {
                fuel[0]++;
              }
              if (op == OpCode.CALL && ins.operand(0) < imported) {
                fuel[0] += FuelCosts.HOST_CALL;
              }
              if (op == OpCode.MEMORY_GROW) {
                fuel[0] += (stack.peek() & 0xFFFF_FFFFL) * FuelCosts.MEMORY_PAGE;
              }
            });
        if (module.memorySection().isPresent()) {
          // the grant of the instrumented runs
          b.withMemoryLimits(new MemoryLimits(module.memorySection().get().getMemory(0).limits().initialPages(),
              LIMITS.memoryPages()));
        }
        Instance instance = b.build();
        instance.export("_start").apply();
      } catch (ChicoryException exitOrTrap) {
        // exits and traps end the count where they happen
      }
    }, "fuel-oracle", 16 << 20);
    t.start();
    t.join();
    return fuel[0];
  }
}
