package dev.verdict.service.decision;

import dev.verdict.error.RegoException;
import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.logs.DecisionEvent;
import dev.verdict.service.logs.DecisionLogger;
import dev.verdict.service.metrics.DecisionMetrics;
import dev.verdict.service.store.DocPath;
import dev.verdict.service.store.PolicyStore;
import dev.verdict.service.store.Snapshot;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The decision API: evaluates (through the cache), then applies the path's mode. The policy's own
 * answer always travels in {@code would_allow}; errors and deadlines deny when fail-closed. Every
 * decision is offered to the decision log.
 */
@Singleton
public class DecisionService {

  private final PolicyStore store;
  private final Evaluator evaluator;
  private final ModeRouter router;
  private final DecisionMetrics metrics;
  private final DecisionLogger logger;
  private final boolean failClosed;

  public DecisionService(PolicyStore store, Evaluator evaluator, ModeRouter router, DecisionMetrics metrics, DecisionLogger logger,
      VerdictConfig config) {
    this.logger = logger;
    this.store = store;
    this.evaluator = evaluator;
    this.router = router;
    this.metrics = metrics;
    this.failClosed = config.failClosed();
  }

  /** The decision for one input, or null when no policy or data lives at {@code path}. */
  public Decision decide(DocPath path, Value input, boolean strict) {
    long start = System.nanoTime();
    Snapshot snapshot = store.current();
    if (!snapshot.policies().defines(path.toString())) {
      return null;
    }
    Routing routing = router.route(path, input);
    Decision d = switch (routing.mode()) {
      case OFF -> new Decision(newId(), path.toString(), true, false, Mode.OFF, null, List.of(), ObjectValue.EMPTY, null,
          snapshot.revision(), false, routing.reason(), null, 0);
      default -> evaluate(snapshot, path, input, strict, routing);
    };
    boolean enforcementWouldAllow = d.error() != null ? !failClosed : Boolean.TRUE.equals(d.wouldAllow());
    long nanos = System.nanoTime() - start;
    metrics.decision(path, d, nanos, d.mode() == Mode.DRY_RUN && enforcementWouldAllow != d.allowed());
    if (logger.enabled()) {
      logger.log(new DecisionEvent(d.decisionId(), d.path(), input, d.result(), Instant.now(), snapshot, d.evalNanos(), nanos,
          new DecisionEvent.Outcome(d.mode().label(), d.routingReason(), d.allowed(), d.wouldAllow()), d.error()));
    }
    return d;
  }

  private Decision evaluate(Snapshot snapshot, DocPath path, Value input, boolean strict, Routing routing) {
    boolean enforce = routing.mode() == Mode.ENFORCE;
    try {
      Evaluator.Evaluation e = evaluator.eval(snapshot, path, input, strict);
      PolicyAnswer a = PolicyAnswer.of(e.result().value());
      return new Decision(newId(), path.toString(), enforce ? a.allow() : true, enforce, routing.mode(), a.allow(), a.reasons(),
          a.obligations(), e.result().value(), e.revision(), e.cached(), routing.reason(), null, e.cached() ? 0 : e.result().evalNanos());
    } catch (RegoException | PolicyAnswer.Malformed ex) {
      String error = ex.getMessage();
      boolean allowed = !enforce || !failClosed;
      String reason = (failClosed ? "evaluation failed, denied (fail-closed): " : "evaluation failed, allowed (fail-open): ") + error;
      return new Decision(newId(), path.toString(), allowed, enforce, routing.mode(), null, List.of(StringValue.of(reason)),
          ObjectValue.EMPTY, null, snapshot.revision(), false, routing.reason(), error, 0);
    }
  }

  /**
   * A random (version 4) UUID from the thread's generator: decision ids must be unique, not
   * unguessable, and {@link UUID#randomUUID()}'s shared SecureRandom is a point of contention.
   */
  public static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long high = (r.nextLong() & ~0xF000L) | 0x4000L;
    long low = (r.nextLong() & ~0xC000000000000000L) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
