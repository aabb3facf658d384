package dev.verdict.service.logs;

import dev.verdict.service.store.Snapshot;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.time.Instant;

/**
 * One decision as it is logged: OPA's event fields, plus the decision API's mode, routing reason,
 * answer and policy answer ({@code would_allow}). Built on the request thread from references only;
 * masking and JSON happen on the log writer's thread.
 *
 * @param input null when the request had none
 * @param result null when undefined or not evaluated
 * @param snapshot the revision that decided, whose {@code system.log.mask} masks the event
 * @param decision the decision API's extra fields; null for OPA's data API
 * @param error the evaluation error, null when none
 */
public record DecisionEvent(
    String decisionId,
    String path,
    Value input,
    Value result,
    Instant timestamp,
    Snapshot snapshot,
    long evalNanos,
    long handlerNanos,
    Outcome decision,
    String error) {

  /** What the decision API adds to OPA's event. */
  public record Outcome(String mode, String routingReason, boolean allowed, Boolean wouldAllow) {}

  /** OPA's event shape: labels, decision_id, bundles, path, input, result, timestamp, metrics; then Verdict's fields. */
  ObjectValue toValue(ObjectValue labels) {
    ObjectValue.Builder b = ObjectValue.builder()
        .put("labels", labels)
        .put("decision_id", StringValue.of(decisionId))
        .put("path", StringValue.of(path));
    if (!snapshot.bundles().isEmpty()) {
      ObjectValue.Builder bundles = ObjectValue.builder();
      snapshot.bundles().forEach((name, rev) -> bundles.put(name, ObjectValue.builder().put("revision", StringValue.of(rev)).build()));
      b.put("bundles", bundles.build());
    }
    if (input != null) {
      b.put("input", input);
    }
    if (result != null) {
      b.put("result", result);
    }
    b.put("timestamp", StringValue.of(timestamp.toString()))
        .put("metrics", ObjectValue.builder()
            .put("timer_rego_query_eval_ns", NumberValue.of(evalNanos))
            .put("timer_server_handler_ns", NumberValue.of(handlerNanos))
            .build())
        .put("revision", StringValue.of(snapshot.revision()));
    if (decision != null) {
      b.put("mode", StringValue.of(decision.mode()))
          .put("routing_reason", StringValue.of(decision.routingReason()))
          .put("allowed", BooleanValue.of(decision.allowed()))
          .put("would_allow", decision.wouldAllow() == null ? NullValue.NULL : BooleanValue.of(decision.wouldAllow()));
    }
    if (error != null) {
      b.put("error", StringValue.of(error));
    }
    return b.build();
  }
}
