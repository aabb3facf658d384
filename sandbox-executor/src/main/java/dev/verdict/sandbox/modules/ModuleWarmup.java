package dev.verdict.sandbox.modules;

import dev.verdict.sandbox.engine.GuestRunner;
import dev.verdict.sandbox.engine.RunResult;
import dev.verdict.sandbox.engine.RunSpec;
import dev.verdict.sandbox.engine.Status;
import dev.verdict.sandbox.limits.Limits;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Once at start-up, before the server takes requests: a generated module ({@link WarmupModule}) of
 * {@code functions} functions goes through the upload pipeline (validation, fuel instrumentation,
 * re-parse, and for the compiled engine its compilation, awaited), then runs a few times interpreted
 * (as a new module's first runs do) and, compiled engine, once compiled. Without it the first large
 * upload after a restart pays for the JIT: the parser, validator and instrumenter run in the JVM's
 * interpreter until compiled, and the compilations compete with the upload for the CPU. Nothing is
 * stored; a failure is logged and start-up goes on, only colder.
 */
public record ModuleWarmup(ModuleStore modules, GuestRunner runner, Limits limits) {

  private static final Logger LOG = Logger.getLogger(ModuleWarmup.class);
  private static final long SEED = 0x5EED;
  /** One run leaves the interpreter's eval loop in profiling (tier-3) code; the third finds it optimised. */
  private static final int INTERPRETED_RUNS = 3;
  private static final long JIT_QUIET_MS = 300;
  private static final long JIT_WAIT_MAX_MS = 10_000;

  public void run(int functions) {
    long start = System.nanoTime();
    try {
      PreparedModule m = modules.rehearse(WarmupModule.generate(functions, SEED));
      if (m.compiled() != null) {
        m.compiled().join();
      }
      PreparedModule interpreted = new PreparedModule(m.sha256(), m.module(), m.fuel(), null);
      for (int i = 0; i < INTERPRETED_RUNS; i++) {
        check(runner.run(interpreted, "warm-up", spec()));
      }
      if (m.compiled() != null) {
        check(runner.run(m, "warm-up", spec()));
      }
      long ran = System.nanoTime();
      awaitJit();
      LOG.infof("warmed up with a generated module of %d functions in %d ms, then %d ms of JIT compilation",
          functions, (ran - start) / 1_000_000, (System.nanoTime() - ran) / 1_000_000);
    } catch (InvalidModuleException | CompletionException | IllegalStateException e) {
      LOG.warnf("warm-up failed, the first large upload will be slower: %s", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits, at most {@link #JIT_WAIT_MAX_MS}, until no JIT compilation has finished for
   * {@link #JIT_QUIET_MS}: the warm-up leaves a queue of them, which would otherwise take the CPU
   * from the first uploads.
   */
  private static void awaitJit() throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long deadline = System.nanoTime() + JIT_WAIT_MAX_MS * 1_000_000;
    long seen = jit.getTotalCompilationTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(JIT_QUIET_MS);
      long now = jit.getTotalCompilationTime();
      if (now == seen) {
        return;
      }
      seen = now;
    }
  }

  private RunSpec spec() {
    return new RunSpec("_start", List.of(), Map.of(), new byte[0], limits, Set.of(), "warm-up");
  }

  private static void check(RunResult r) {
    if (r.status() != Status.OK) {
      throw new IllegalStateException("the warm-up module ended " + r.status() + ": " + r.error());
    }
  }
}
