package dev.verdict.sandbox.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verdict.sandbox.audit.AuditLog;
import dev.verdict.sandbox.audit.ExecutionMetrics;
import dev.verdict.sandbox.capabilities.HostModule;
import dev.verdict.sandbox.capabilities.KvStore;
import dev.verdict.sandbox.decision.DecisionClient;
import dev.verdict.sandbox.engine.GuestRunner;
import dev.verdict.sandbox.execution.ExecutionService;
import dev.verdict.sandbox.fuel.FuelInstrumenter;
import dev.verdict.sandbox.limits.Limits;
import dev.verdict.sandbox.limits.Watchdog;
import dev.verdict.sandbox.limits.WorkerPool;
import dev.verdict.sandbox.modules.ModuleLimits;
import dev.verdict.sandbox.modules.ModulePreparer;
import dev.verdict.sandbox.modules.ModuleStore;
import dev.verdict.sandbox.modules.ModuleValidator;
import dev.verdict.sandbox.modules.ModuleWarmup;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires the plain classes of each concern from {@link SandboxConfig}. */
@ApplicationScoped
public class Producers {

  /** One background thread compiles uploaded modules to JVM bytecode, one at a time. */
  private final ExecutorService compiler = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sandbox-compiler");
    t.setDaemon(true);
    return t;
  });

  @PreDestroy
  void stopCompiler() {
    compiler.shutdownNow();
  }

  /** At start, the decision client connects, so that the first execution does not also pay for it. */
  void connect(@Observes StartupEvent start, DecisionClient decisions) {
    decisions.connect();
  }

  /** Before the server takes requests (StartupEvent observers run before the HTTP server starts). */
  void warmUp(@Observes StartupEvent start, SandboxConfig config, ModuleStore modules, GuestRunner runner, Limits max) {
    int functions = config.sandbox().modules().warmUpFunctions();
    if (functions > 0) {
      new ModuleWarmup(modules, runner, max).run(functions);
    }
  }

  @Produces
  @ApplicationScoped
  ModuleStore modules(SandboxConfig config, MeterRegistry registry, ExecutionMetrics metrics) {
    SandboxConfig.Modules m = config.sandbox().modules();
    ModuleValidator validator = new ModuleValidator(
        new ModuleLimits(m.maxBytes(), config.sandbox().max().memoryPages(), m.maxLocals(), m.maxTableElements()));
    ModulePreparer preparer = new ModulePreparer(new FuelInstrumenter(m.maxTableElements()), config.sandbox().engine(),
        compiler, m.compileWait().toMillis(), metrics::compiled);
    ModuleStore store = new ModuleStore(validator, preparer, m.maxCount(), m.maxTotalBytes(), m.cacheBytes());
    CaffeineCacheMetrics.monitor(registry, store.cache(), "verdict_sandbox_modules");
    return store;
  }

  @Produces
  @ApplicationScoped
  WorkerPool pool(SandboxConfig config, MeterRegistry registry) {
    SandboxConfig.Sandbox s = config.sandbox();
    WorkerPool pool = new WorkerPool(s.workers(), s.queue(), s.stackBytes());
    Gauge.builder("verdict_sandbox_queue_depth", pool, WorkerPool::queueDepth)
        .description("Executions waiting for a worker")
        .register(registry);
    return pool;
  }

  void closePool(@Disposes WorkerPool pool) {
    pool.close();
  }

  @Produces
  @ApplicationScoped
  ExecutionMetrics metrics(MeterRegistry registry) {
    return new ExecutionMetrics(registry);
  }

  @Produces
  @ApplicationScoped
  AuditLog audit(ObjectMapper json, SandboxConfig config) {
    return new AuditLog(json, config.sandbox().auditFile());
  }

  void closeAudit(@Disposes AuditLog audit) throws IOException {
    audit.close();
  }

  @Produces
  @ApplicationScoped
  DecisionClient decisions(Vertx vertx, SandboxConfig config, ObjectMapper json, ExecutionMetrics metrics) {
    SandboxConfig.DecisionService ds = config.decisionService();
    return new DecisionClient(vertx, json, ds.url(), config.sandbox().decisionPath(), ds.token(), ds.timeout(),
        ds.breakerFailures(), ds.breakerOpenFor(), metrics::decisionError);
  }

  void closeDecisions(@Disposes DecisionClient client) {
    client.close();
  }

  @Produces
  @Singleton
  GuestRunner runner(SandboxConfig config, Watchdog watchdog) {
    SandboxConfig.Kv kv = config.sandbox().kv();
    return new GuestRunner(config.sandbox().engine(), watchdog,
        new HostModule(new KvStore(kv.maxEntriesPerTenant(), kv.maxValueBytes())));
  }

  /** The server-wide maximums of a run. */
  @Produces
  @Singleton
  Limits maxLimits(SandboxConfig config) {
    SandboxConfig.Max max = config.sandbox().max();
    return new Limits(max.fuel(), max.timeoutMs(), max.memoryPages(), max.outputBytes());
  }

  @Produces
  @ApplicationScoped
  ExecutionService executions(SandboxConfig config, DecisionClient client, ModuleStore modules, WorkerPool pool, GuestRunner runner,
      Limits max, AuditLog audit, ExecutionMetrics metrics) {
    SandboxConfig.Ungranted ungranted = config.sandbox().ungranted();
    return new ExecutionService(modules, client, runner, pool, max,
        new Limits(ungranted.fuel(), ungranted.timeoutMs(), ungranted.memoryPages(), ungranted.outputBytes()), audit, metrics);
  }
}
