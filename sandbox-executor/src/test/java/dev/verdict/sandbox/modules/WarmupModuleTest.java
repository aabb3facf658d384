package dev.verdict.sandbox.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The start-up warm-up's module passes the upload checks and runs to its end, alike in both engines. */
class WarmupModuleTest {

  private static final Limits LIMITS = new Limits(50_000_000, 30_000, 64, 65_536);

  @Test
  void passesTheUploadPipelineAndRunsTheSameInBothEngines() {
    byte[] wasm = WarmupModule.generate(120, 7);
    RunResult interpreted = run(wasm, Engine.INTERPRETER);
    RunResult compiled = run(wasm, Engine.COMPILED);
    for (RunResult r : List.of(interpreted, compiled)) {
      assertEquals(Status.OK, r.status(), r.error());
      assertEquals("warm ok\n", new String(r.stdout(), StandardCharsets.UTF_8));
    }
    assertEquals(Engine.COMPILED, compiled.engine());
    assertEquals(interpreted.fuelConsumed(), compiled.fuelConsumed());
  }

  @Test
  void isTheSameForTheSameSeed() {
    assertArrayEquals(WarmupModule.generate(60, 1), WarmupModule.generate(60, 1));
    assertFalse(Arrays.equals(WarmupModule.generate(60, 1), WarmupModule.generate(60, 2)));
  }

  private static RunResult run(byte[] wasm, Engine engine) {
    ModuleStore store = new ModuleStore(new ModuleValidator(new ModuleLimits(1 << 20, 64, 10_000, 10_000)),
        new ModulePreparer(new FuelInstrumenter(10_000), engine), 4, 1 << 24, 1 << 24);
    GuestRunner runner = new GuestRunner(engine, new Watchdog(), new HostModule(new KvStore(1, 1)));
    return runner.run(store.rehearse(wasm), "warm-up",
        new RunSpec("_start", List.of(), Map.of(), new byte[0], LIMITS, Set.of(), "t"));
  }
}
