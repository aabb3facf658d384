package dev.verdict.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.sandbox.capabilities.HostModule;
import dev.verdict.sandbox.capabilities.KvStore;
import dev.verdict.sandbox.capabilities.MissingCapabilityException;
import dev.verdict.sandbox.engine.Engine;
import dev.verdict.sandbox.engine.GuestRunner;
import dev.verdict.sandbox.engine.RunResult;
import dev.verdict.sandbox.engine.RunSpec;
import dev.verdict.sandbox.engine.Status;
import dev.verdict.sandbox.fuel.FuelInstrumenter;
import dev.verdict.sandbox.limits.Limits;
import dev.verdict.sandbox.limits.Watchdog;
import dev.verdict.sandbox.limits.WorkerPool;
import dev.verdict.sandbox.modules.ModuleLimits;
import dev.verdict.sandbox.modules.ModulePreparer;
import dev.verdict.sandbox.modules.ModuleValidator;
import dev.verdict.sandbox.modules.PreparedModule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every limit and capability rule, in both engines, on the guest threads the service uses. */
class GuestRunnerTest {

  /** For runs that must finish: a deadline far beyond them, since the interpreter on a cold JIT and a busy machine is slow. */
  static final Limits LIMITS = new Limits(50_000_000, 30_000, 64, 65_536);
  static final Watchdog WATCHDOG = new Watchdog();
  static final KvStore KV = new KvStore(100, 1024);
  static final WorkerPool POOL = new WorkerPool(2, 4, 1 << 20);
  static final ModuleValidator VALIDATOR = new ModuleValidator(new ModuleLimits(1 << 20, 64, 10_000, 10_000));

  @AfterAll
  static void stop() {
    POOL.close();
  }

  static PreparedModule prepare(byte[] wasm, Engine engine) {
    return new ModulePreparer(new FuelInstrumenter(10_000), engine).prepare("test", wasm, VALIDATOR.validate(wasm));
  }

  static RunResult run(String guest, Engine engine, Limits limits, Set<String> caps, byte[] stdin) throws Exception {
    return run(prepare(Guests.wasm(guest), engine), engine, limits, caps, stdin, Map.of(), "acme");
  }

  static RunResult run(PreparedModule m, Engine engine, Limits limits, Set<String> caps, byte[] stdin,
      Map<String, String> env, String tenant) throws Exception {
    GuestRunner runner = new GuestRunner(engine, WATCHDOG, new HostModule(KV));
    RunSpec spec = new RunSpec("_start", List.of(), env, stdin, limits, caps, tenant);
    try {
      return POOL.submit(() -> runner.run(m, "guest", spec)).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  static RunResult run(String guest, Engine engine) throws Exception {
    return run(guest, engine, LIMITS, Set.of(), new byte[0]);
  }

  static String out(RunResult r) {
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void helloWorld(Engine e) throws Exception {
    RunResult r = run("hello", e);
    assertEquals(Status.OK, r.status(), r.error());
    assertEquals("hello, world\n", out(r));
    assertEquals(0, r.exitCode());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void stdinReachesTheGuest(Engine e) throws Exception {
    RunResult r = run("cat", e, LIMITS, Set.of(), "piped in".getBytes(StandardCharsets.UTF_8));
    assertEquals("piped in", out(r));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void procExitIsStatusExit(Engine e) throws Exception {
    RunResult r = run("exit3", e);
    assertEquals(Status.EXIT, r.status());
    assertEquals(3, r.exitCode());
  }

  @org.junit.jupiter.api.Test
  void bothEnginesCountTheSameFuel() throws Exception {
    for (String guest : List.of("sum", "hello", "cat", "kv")) {
      byte[] in = "v".getBytes(StandardCharsets.UTF_8);
      RunResult c = run(prepare(Guests.wasm(guest), Engine.COMPILED), Engine.COMPILED, LIMITS,
          Set.of("host.kv.read", "host.kv.write"), in, Map.of(), "fuel-c");
      RunResult i = run(prepare(Guests.wasm(guest), Engine.INTERPRETER), Engine.INTERPRETER, LIMITS,
          Set.of("host.kv.read", "host.kv.write"), in, Map.of(), "fuel-i");
      assertEquals(Status.OK, c.status(), guest + ": " + c.error());
      assertEquals(c.fuelConsumed(), i.fuelConsumed(), guest);
      assertTrue(c.fuelConsumed() > 0, guest);
    }
    // sum: 100000 iterations of a 13-instruction loop body, plus a few instructions around it.
    RunResult sum = run("sum", Engine.COMPILED);
    assertTrue(sum.fuelConsumed() > 1_300_000 && sum.fuelConsumed() < 1_300_100, "sum used " + sum.fuelConsumed());
  }

  /** A module whose compilation has not finished runs interpreted, with the same fuel, then compiled once it has. */
  @org.junit.jupiter.api.Test
  void runsAreInterpretedUntilTheModuleIsCompiled() throws Exception {
    java.util.concurrent.CompletableFuture<Runnable> held = new java.util.concurrent.CompletableFuture<>();
    byte[] wasm = Guests.wasm("sum");
    PreparedModule m = new ModulePreparer(new FuelInstrumenter(10_000), Engine.COMPILED, held::complete, 0, ns -> {})
        .prepare("test", wasm, VALIDATOR.validate(wasm));
    RunResult before = run(m, Engine.COMPILED, LIMITS, Set.of(), new byte[0], Map.of(), "t");
    assertEquals(Status.OK, before.status(), before.error());
    assertEquals(Engine.INTERPRETER, before.engine());
    held.get().run(); // the compiler's turn
    RunResult after = run(m, Engine.COMPILED, LIMITS, Set.of(), new byte[0], Map.of(), "t");
    assertEquals(Engine.COMPILED, after.engine());
    assertEquals(before.fuelConsumed(), after.fuelConsumed());
    assertEquals(Engine.COMPILED, run("hello", Engine.COMPILED).engine());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void fuelRunsOut(Engine e) throws Exception {
    RunResult r = run("sum", e, new Limits(10_000, 5_000, 64, 1024), Set.of(), new byte[0]);
    assertEquals(Status.FUEL_EXHAUSTED, r.status());
    assertEquals(10_000, r.fuelConsumed());
  }

  /**
   * The fuel is tested at a function's start and a loop's, not after a forward branch: a run that
   * spends what it lacks on its last straight-line code still ran out, and one with just enough did not.
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void fuelSpentOnTheLastStraightLineCodeRunsOut(Engine e) throws Exception {
    // 2 units up to the block's end (tested on entry), then 10 that no test follows
    byte[] wasm = Guests.wat("""
        (module (func (export "_start") (local i32)
          (block $b (br_if $b (i32.const 1)))
          (local.set 0 (i32.const 1)) (local.set 0 (i32.const 2)) (local.set 0 (i32.const 3))
          (local.set 0 (i32.const 4)) (local.set 0 (i32.const 5))))
        """);
    RunResult tooLittle = run(prepare(wasm, e), e, new Limits(5, 5_000, 64, 1024), Set.of(), new byte[0], Map.of(), "acme");
    assertEquals(Status.FUEL_EXHAUSTED, tooLittle.status(), tooLittle.error());
    assertEquals(5, tooLittle.fuelConsumed());
    assertEquals(null, tooLittle.exitCode());
    RunResult enough = run(prepare(wasm, e), e, new Limits(12, 5_000, 64, 1024), Set.of(), new byte[0], Map.of(), "acme");
    assertEquals(Status.OK, enough.status(), enough.error());
    assertEquals(12, enough.fuelConsumed());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void infiniteLoopsOfEveryShapeMeetTheDeadline(Engine e) throws Exception {
    Limits limits = new Limits(Long.MAX_VALUE, 200, 64, 1024);
    for (String guest : List.of("loop_br", "loop_br_if", "loop_br_table", "start_loop", "sleep_loop")) {
      RunResult r = run(guest, e, limits, Set.of(), new byte[0]);
      assertEquals(Status.DEADLINE_EXCEEDED, r.status(), guest + ": " + r.error());
      assertTrue(r.durationMs() < 200 + 1_000, guest + " took " + r.durationMs() + " ms");
    }
    assertEquals(Status.OK, run("hello", e).status());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void infiniteLoopsRunOutOfFuel(Engine e) throws Exception {
    Limits limits = new Limits(1_000_000, 10_000, 64, 1024);
    for (String guest : List.of("loop_br", "loop_br_if", "loop_br_table", "start_loop")) {
      assertEquals(Status.FUEL_EXHAUSTED, run(guest, e, limits, Set.of(), new byte[0]).status(), guest);
    }
  }

  /** A hostile guest ends as expected, and the next normal run on the same pool succeeds. */
  static void endsAs(Status expected, String guest, Engine e, Limits limits) throws Exception {
    RunResult r = run(guest, e, limits, Set.of(), new byte[0]);
    assertEquals(expected, r.status(), guest + ": " + r.error());
    assertEquals(Status.OK, run("hello", e).status());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void memoryAndStackLimitsEndTheRun(Engine e) throws Exception {
    // memory.grow fails at the granted 16 pages; the module's 2 initial pages exceed a 1-page grant
    endsAs(Status.MEMORY_EXCEEDED, "memory_bomb", e, new Limits(Long.MAX_VALUE, 5_000, 16, 1024));
    endsAs(Status.MEMORY_EXCEEDED, "huge_output", e, new Limits(1_000_000, 1_000, 1, 1024));
    endsAs(Status.STACK_EXHAUSTED, "recursion", e, new Limits(Long.MAX_VALUE, 10_000, 64, 1024));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void outputIsCappedAndFlagged(Engine e) throws Exception {
    RunResult r = run("huge_output", e, new Limits(Long.MAX_VALUE, 10_000, 64, 100_000), Set.of(), new byte[0]);
    assertEquals(Status.OK, r.status(), r.error());
    assertTrue(r.outputTruncated());
    assertEquals(100_000, r.stdout().length);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void tableGrowthStopsAtTheClamp(Engine e) throws Exception {
    RunResult r = run("table_bomb", e);
    assertEquals(Status.TRAP, r.status(), r.error());
    assertTrue(r.durationMs() < 1_000);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void thousandsOfLocalsRun(Engine e) throws Exception {
    RunResult r = run(prepare(Guests.manyLocals(3_000), e), e, LIMITS, Set.of(), new byte[0], Map.of(), "t");
    assertEquals(Status.OK, r.status(), r.error());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void hostFunctionsExistOnlyWhenGranted(Engine e) throws Exception {
    MissingCapabilityException missing = assertThrows(MissingCapabilityException.class,
        () -> run("log", e, LIMITS, Set.of(), new byte[0]));
    assertEquals("host.log", missing.capability());
    assertTrue(missing.getMessage().contains("verdict.log"));
    RunResult r = run("log", e, LIMITS, Set.of("host.log"), new byte[0]);
    assertEquals("hi from the guest\n", new String(r.stderr(), StandardCharsets.UTF_8));
    assertThrows(MissingCapabilityException.class, () -> run("kv", e, LIMITS, Set.of("host.kv.read"), new byte[0]));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void keyValueStoreIsPerTenant(Engine e) throws Exception {
    Set<String> kv = Set.of("host.kv.read", "host.kv.write");
    PreparedModule m = prepare(Guests.wasm("kv"), e);
    String tenant = "tenant-" + e;
    assertEquals("miss", out(run(m, e, LIMITS, kv, "hello".getBytes(StandardCharsets.UTF_8), Map.of(), tenant)));
    assertEquals("hello", out(run(m, e, LIMITS, kv, new byte[0], Map.of(), tenant)));
    assertEquals("miss", out(run(m, e, LIMITS, kv, new byte[0], Map.of(), "other-" + e)));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void environmentOnlyWithTheCapability(Engine e) throws Exception {
    PreparedModule m = prepare(Guests.wasm("env"), e);
    Map<String, String> env = Map.of("A", "1", "B", "2");
    assertEquals("0", out(run(m, e, LIMITS, Set.of(), new byte[0], env, "t")));
    assertEquals("2", out(run(m, e, LIMITS, Set.of("wasi.env"), new byte[0], env, "t")));
  }
}
