package dev.verdict.sandbox.execution;

import dev.verdict.sandbox.audit.AuditLog;
import dev.verdict.sandbox.audit.AuditRecord;
import dev.verdict.sandbox.audit.ExecutionMetrics;
import dev.verdict.sandbox.capabilities.CapabilityPattern;
import dev.verdict.sandbox.capabilities.HostModule;
import dev.verdict.sandbox.capabilities.MissingCapabilityException;
import dev.verdict.sandbox.decision.DecisionClient;
import dev.verdict.sandbox.decision.DecisionOutcome;
import dev.verdict.sandbox.engine.GuestRunner;
import dev.verdict.sandbox.engine.RunResult;
import dev.verdict.sandbox.engine.RunSpec;
import dev.verdict.sandbox.engine.Status;
import dev.verdict.sandbox.limits.LimitRequest;
import dev.verdict.sandbox.limits.Limits;
import dev.verdict.sandbox.limits.WorkerPool;
import dev.verdict.sandbox.modules.ImportRef;
import dev.verdict.sandbox.modules.ModuleInfo;
import dev.verdict.sandbox.modules.ModuleStore;
import dev.verdict.sandbox.modules.PreparedModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * One execution end to end: ask the decision service, narrow capabilities and limits to the grant,
 * run on the worker pool, audit and count. Denials and an unavailable decision service never run.
 * Nothing here blocks a thread: the decision is asynchronous and the answer completes when the run
 * does, so a request costs the event loop and one guest worker, no thread waiting in between.
 */
public final class ExecutionService {

  /** How long past its deadline a request waits for a run that ignores interrupts. */
  private static final long GRACE_MS = 10_000;

  private final ModuleStore modules;
  private final DecisionClient decisions;
  private final GuestRunner runner;
  private final WorkerPool pool;
  private final Limits max;
  private final Limits ungranted;
  private final AuditLog audit;
  private final ExecutionMetrics metrics;

  public ExecutionService(ModuleStore modules, DecisionClient decisions, GuestRunner runner, WorkerPool pool,
      Limits max, Limits ungranted, AuditLog audit, ExecutionMetrics metrics) {
    this.modules = modules;
    this.decisions = decisions;
    this.runner = runner;
    this.pool = pool;
    this.max = max;
    this.ungranted = ungranted;
    this.audit = audit;
    this.metrics = metrics;
  }

  /**
   * Checks the request (a {@link RequestException} at once), then asks the decision service and runs
   * what it grants. The answer completes on the guest's worker (or wherever the decision completed,
   * for a denial); it fails with {@link WorkerPool.QueueFullException} when every worker is busy and
   * the queue is full.
   */
  public CompletableFuture<Execution> execute(ExecutionRequest req) {
    String id = UUID.randomUUID().toString();
    ModuleInfo info = modules.info(req.module() == null ? "" : req.module())
        .orElseThrow(() -> new RequestException(404, "module_not_found", "no module named " + req.module()));
    String function = req.function() == null ? "_start" : req.function();
    if (!info.exports().contains(function)) {
      throw new RequestException(400, "invalid_parameter", "module " + info.name() + " exports no function " + function);
    }
    byte[] stdin = stdin(req);
    Map<String, String> env = req.env() == null ? Map.of() : req.env();
    Map<String, Object> subject = req.subject() == null ? Map.of() : req.subject();
    List<String> requested = req.capabilities() != null ? req.capabilities() : needed(info, env);
    LimitRequest requestedLimits = req.limits() == null ? LimitRequest.NONE : req.limits();

    Run run = new Run(id, subject, info);
    return decisions.decide(decisionInput(subject, info, requested, requestedLimits)).thenCompose(decision -> switch (decision) {
      case DecisionOutcome.Unavailable u -> done(run.denied(503, null, u.reasons(), List.of(), null));
      case DecisionOutcome.Denied d -> done(run.denied(403, d.decisionId(), d.reasons(), List.of(), null));
      case DecisionOutcome.Granted g -> {
        Set<String> granted = new LinkedHashSet<>();
        requested.stream().filter(c -> CapabilityPattern.anyMatches(g.capabilities(), c)).forEach(granted::add);
        Limits limits = Limits.of(max, ungranted, requestedLimits, g.limits());
        if (!env.isEmpty() && !granted.contains(HostModule.WASI_ENV)) {
          yield done(run.denied(403, g.decisionId(), List.of("env needs capability " + HostModule.WASI_ENV + ", not granted"),
              List.copyOf(granted), limits));
        }
        RunSpec spec = new RunSpec(function, req.args() == null ? List.of() : req.args(), env, stdin, limits, granted,
            tenant(subject));
        yield run.execute(g, spec);
      }
    });
  }

  private static CompletableFuture<Execution> done(Execution e) {
    return CompletableFuture.completedFuture(e);
  }

  /** The capabilities the module's {@code verdict} imports need, and {@code wasi.env} when env is given. */
  private static List<String> needed(ModuleInfo info, Map<String, String> env) {
    List<String> out = new ArrayList<>();
    for (ImportRef i : info.imports()) {
      if (i.module().equals(HostModule.NAME)) {
        HostModule.spec(i.name()).ifPresent(s -> out.add(s.capability()));
      }
    }
    if (!env.isEmpty()) {
      out.add(HostModule.WASI_ENV);
    }
    return List.copyOf(new LinkedHashSet<>(out));
  }

  private static Map<String, Object> decisionInput(Map<String, Object> subject, ModuleInfo info, List<String> requested,
      LimitRequest limits) {
    Map<String, Object> module = new LinkedHashMap<>();
    module.put("name", info.name());
    module.put("sha256", info.sha256());
    module.put("imports", info.imports());
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("subject", subject);
    input.put("module", module);
    input.put("requested_capabilities", requested);
    input.put("requested_limits", limits);
    return input;
  }

  private static byte[] stdin(ExecutionRequest req) {
    if (req.stdinBase64() != null) {
      try {
        return Base64.getDecoder().decode(req.stdinBase64());
      } catch (IllegalArgumentException e) {
        throw new RequestException(400, "invalid_parameter", "stdin_base64 is not base64: " + e.getMessage());
      }
    }
    return req.stdin() == null ? new byte[0] : req.stdin().getBytes(StandardCharsets.UTF_8);
  }

  private static String tenant(Map<String, Object> subject) {
    Object t = subject.get("tenant");
    return t == null ? "" : t.toString();
  }

  /** One execution's bookkeeping: answers, audit record and metrics. */
  private final class Run {

    private final String id;
    private final Map<String, Object> subject;
    private final ModuleInfo info;

    Run(String id, Map<String, Object> subject, ModuleInfo info) {
      this.id = id;
      this.subject = subject;
      this.info = info;
    }

    Execution denied(int http, String decisionId, List<String> reasons, List<String> caps, Limits limits) {
      metrics.count(Status.DENIED);
      audit(decisionId, caps, limits, Status.DENIED, null, 0, 0, reasons);
      return new Execution(http, new ExecutionResponse(id, decisionId, Status.DENIED, null, "", "", false, 0, 0, reasons, null));
    }

    CompletableFuture<Execution> execute(DecisionOutcome.Granted g, RunSpec spec) {
      // On the worker: a module evicted from the prepared cache is prepared again there, not on the event loop.
      return pool.submit(() -> runner.run(prepared(), info.name(), spec), spec.limits().timeoutMs() + GRACE_MS)
          .handle((r, err) -> {
            if (err instanceof RequestException e) {
              throw e;
            }
            if (err instanceof MissingCapabilityException missing) {
              return denied(403, g.decisionId(), List.of(missing.getMessage()), List.copyOf(spec.capabilities()), spec.limits());
            }
            if (err instanceof TimeoutException) {
              r = new RunResult(Status.DEADLINE_EXCEEDED, null, new byte[0], new byte[0], false, 0,
                  spec.limits().timeoutMs() + GRACE_MS, "the guest did not stop after its deadline", null);
            } else if (err != null) {
              throw new IllegalStateException("execution " + id + " failed", err);
            }
            return ran(g, spec, r);
          });
    }

    private PreparedModule prepared() {
      return modules.prepared(info.name())
          .orElseThrow(() -> new RequestException(404, "module_not_found", "module " + info.name() + " was deleted"));
    }

    private Execution ran(DecisionOutcome.Granted g, RunSpec spec, RunResult r) {
      metrics.executed(r.status(), r.durationMs(), r.fuelConsumed(), r.engine());
      audit(g.decisionId(), List.copyOf(spec.capabilities()), spec.limits(), r.status(), r.exitCode(), r.fuelConsumed(),
          r.durationMs(), g.reasons());
      return new Execution(200, new ExecutionResponse(id, g.decisionId(), r.status(), r.exitCode(),
          new String(r.stdout(), StandardCharsets.UTF_8), new String(r.stderr(), StandardCharsets.UTF_8),
          r.outputTruncated(), r.fuelConsumed(), r.durationMs(), g.reasons(), r.error()));
    }

    private void audit(String decisionId, List<String> caps, Limits limits, Status status, Integer exit, long fuel,
        long ms, List<String> reasons) {
      audit.record(new AuditRecord(Instant.now().toString(), id, decisionId, subject, info.name(), info.sha256(), caps,
          limits, status, exit, fuel, ms, reasons));
    }
  }
}
