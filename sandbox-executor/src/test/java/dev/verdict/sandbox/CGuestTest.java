package dev.verdict.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.sandbox.capabilities.HostModule;
import dev.verdict.sandbox.capabilities.KvStore;
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
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The C guests (guests/c, built by guests/build.sh with clang and wasi-libc) in both engines: their
 * answers checked independently in Java, the same fuel in both engines, and the hostile ones ending
 * with the right status on a pool that keeps serving.
 */
class CGuestTest {

  static final Limits LIMITS = new Limits(2_000_000_000L, 30_000, 64, 1 << 20);
  static final Watchdog WATCHDOG = new Watchdog();
  static final WorkerPool POOL = new WorkerPool(2, 4, 1 << 20);
  static final ModuleValidator VALIDATOR = new ModuleValidator(new ModuleLimits(1 << 20, 64, 10_000, 10_000));
  static final Map<String, PreparedModule> PREPARED = new ConcurrentHashMap<>();

  @AfterAll
  static void stop() {
    POOL.close();
  }

  static PreparedModule prepared(String guest, Engine engine) {
    return PREPARED.computeIfAbsent(guest + "/" + engine, k -> {
      byte[] wasm = Guests.c(guest);
      return new ModulePreparer(new FuelInstrumenter(10_000), engine).prepare(guest, wasm, VALIDATOR.validate(wasm));
    });
  }

  static RunResult run(String guest, Engine engine, Limits limits, String stdin, String... args) throws Exception {
    GuestRunner runner = new GuestRunner(engine, WATCHDOG, new HostModule(new KvStore(10, 100)));
    RunSpec spec = new RunSpec("_start", List.of(args), Map.of(), stdin.getBytes(StandardCharsets.UTF_8), limits,
        Set.of(), "t");
    PreparedModule m = prepared(guest, engine);
    try {
      return POOL.submit(() -> runner.run(m, guest, spec)).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  static RunResult run(String guest, Engine engine, String... args) throws Exception {
    return run(guest, engine, LIMITS, "", args);
  }

  static String out(RunResult r) {
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  static RunResult ok(RunResult r) {
    assertEquals(Status.OK, r.status(), () -> r.error() + "; stderr: " + new String(r.stderr(), StandardCharsets.UTF_8));
    assertEquals(0, r.exitCode());
    return r;
  }

  /** What sha256.c prints: byte i of the buffer is (i * 2654435761 mod 2^32) >> 24; later rounds hash the digest in. */
  static String sha256(int bytes, int rounds) throws Exception {
    byte[] buf = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      buf[i] = (byte) (((i * 2654435761L) & 0xFFFF_FFFFL) >>> 24);
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] digest = sha.digest(buf);
    for (int r = 1; r < rounds; r++) {
      System.arraycopy(digest, 0, buf, 0, 32);
      digest = sha.digest(buf);
    }
    return HexFormat.of().formatHex(digest) + "\n";
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void helloPrintsItsArgumentsAndEchoesStdin(Engine e) throws Exception {
    RunResult r = ok(run("hello", e, LIMITS, "piped in\nand more", "one", "two words"));
    assertEquals("hello, world\narg 1: one\narg 2: two words\npiped in\nand more", out(r));
    assertEquals("hello, world\n", out(ok(run("hello", e))));
  }

  static Stream<Arguments> sha256Inputs() {
    // 55 and 56 bytes: the last length whose padding fits one block, and the first that needs two
    return Stream.of(Engine.values()).flatMap(e -> Stream.of(
        Arguments.of(e, 32, 1), Arguments.of(e, 55, 1), Arguments.of(e, 56, 1), Arguments.of(e, 64, 2),
        Arguments.of(e, 4_099, 2)));
  }

  @ParameterizedTest
  @MethodSource("sha256Inputs")
  void sha256AgreesWithTheJdk(Engine e, int bytes, int rounds) throws Exception {
    assertEquals(sha256(bytes, rounds), out(ok(run("sha256", e, String.valueOf(bytes), String.valueOf(rounds)))));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void sieveCountsThePrimes(Engine e) throws Exception {
    assertEquals("1\n", out(ok(run("sieve", e, "2"))));
    assertEquals("25\n", out(ok(run("sieve", e, "100"))));
    assertEquals("2262\n", out(ok(run("sieve", e, "20000", "2"))));
    if (e == Engine.COMPILED) {
      assertEquals("9592\n", out(ok(run("sieve", e, "100000"))));
      assertEquals("78498\n", out(ok(run("sieve", e, "1000000"))));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void badArgumentsExitWithTheProgramsCode(Engine e) throws Exception {
    RunResult r = run("sieve", e, "1");
    assertEquals(Status.EXIT, r.status());
    assertEquals(2, r.exitCode());
    assertTrue(new String(r.stderr(), StandardCharsets.UTF_8).startsWith("usage: sieve"));
  }

  @Test
  void bothEnginesCountTheSameFuel() throws Exception {
    record Case(String guest, String stdin, String... args) {}
    for (Case c : List.of(new Case("hello", "stdin", "a", "b"), new Case("sha256", "", "1000", "2"),
        new Case("sieve", "", "20000"), new Case("huge_printf", "", "200"), new Case("recursion", "", "1000"))) {
      RunResult compiled = ok(run(c.guest(), Engine.COMPILED, LIMITS, c.stdin(), c.args()));
      RunResult interpreted = ok(run(c.guest(), Engine.INTERPRETER, LIMITS, c.stdin(), c.args()));
      assertEquals(out(compiled), out(interpreted), c.guest());
      assertEquals(compiled.fuelConsumed(), interpreted.fuelConsumed(), c.guest());
      assertTrue(compiled.fuelConsumed() > 1_000, c.guest() + " used " + compiled.fuelConsumed());
    }
    // The sieve's work grows with its limit: 10 times the numbers, more than 10 times the fuel.
    long small = ok(run("sieve", Engine.COMPILED, "20000")).fuelConsumed();
    long large = ok(run("sieve", Engine.COMPILED, "200000")).fuelConsumed();
    assertTrue(large > 10 * small, small + " then " + large);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void fuelRunsOutInTheMiddleOfAProgram(Engine e) throws Exception {
    RunResult r = run("sieve", e, new Limits(100_000, 30_000, 64, 1 << 20), "", "1000000");
    assertEquals(Status.FUEL_EXHAUSTED, r.status(), r.error());
    assertEquals(100_000, r.fuelConsumed());
    assertEquals("", out(r));
  }

  /** A hostile guest ends as expected, and the next run on the same pool succeeds. */
  static RunResult endsAs(Status expected, String guest, Engine e, Limits limits, String... args) throws Exception {
    RunResult r = run(guest, e, limits, "", args);
    assertEquals(expected, r.status(), () -> guest + ": " + r.error());
    assertEquals("hello, world\n", out(ok(run("hello", e))));
    return r;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void deepRecursionExhaustsTheStack(Engine e) throws Exception {
    endsAs(Status.STACK_EXHAUSTED, "recursion", e, LIMITS);
    assertEquals("1\n", out(ok(run("recursion", e, "0"))));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void mallocBombMeetsTheMemoryGrant(Engine e) throws Exception {
    RunResult r = endsAs(Status.MEMORY_EXCEEDED, "malloc_bomb", e, new Limits(2_000_000_000L, 30_000, 64, 1 << 20));
    // 64 pages are 4 MiB: three 1 MiB blocks fit beside the program's own memory, the fourth does not
    assertEquals("out of memory after 3 MiB\n", new String(r.stderr(), StandardCharsets.UTF_8));
    // a grant below the module's initial memory refuses to start it
    endsAs(Status.MEMORY_EXCEEDED, "malloc_bomb", e, new Limits(2_000_000_000L, 30_000, 1, 1 << 20));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void hugePrintfOutputIsCappedAndFlagged(Engine e) throws Exception {
    RunResult r = endsAs(Status.OK, "huge_printf", e, new Limits(2_000_000_000L, 30_000, 64, 65_536), "1000");
    assertTrue(r.outputTruncated());
    assertEquals(65_536, r.stdout().length);
    assertTrue(out(r).startsWith("000000000 0000"), out(r).substring(0, 20));
    // without a count it would print 100 MB: the fuel ends it first
    endsAs(Status.FUEL_EXHAUSTED, "huge_printf", e, new Limits(2_000_000, 30_000, 64, 65_536));
  }
}
