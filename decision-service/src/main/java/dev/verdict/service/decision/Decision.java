package dev.verdict.service.decision;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.List;

/**
 * One answer of the decision API.
 *
 * @param allowed what the caller must do, the mode applied
 * @param enforced whether the policy's answer decided {@code allowed} (enforce mode)
 * @param wouldAllow the policy's own answer; null when nothing was evaluated (off) or evaluation failed
 * @param result the raw policy document, null when undefined or not evaluated
 * @param error the evaluation error ({@code code: message}), null when none
 * @param evalNanos time spent evaluating; 0 when cached or not evaluated (logged, not answered)
 */
public record Decision(
    String decisionId,
    String path,
    boolean allowed,
    boolean enforced,
    Mode mode,
    Boolean wouldAllow,
    List<Value> reasons,
    Value obligations,
    Value result,
    String revision,
    boolean cached,
    String routingReason,
    String error,
    long evalNanos) {

  public ObjectValue toValue() {
    ObjectValue.Builder b = ObjectValue.builder()
        .put("decision_id", StringValue.of(decisionId))
        .put("path", StringValue.of(path))
        .put("allowed", BooleanValue.of(allowed))
        .put("enforced", BooleanValue.of(enforced))
        .put("mode", StringValue.of(mode.label()))
        .put("would_allow", wouldAllow == null ? NullValue.NULL : BooleanValue.of(wouldAllow))
        .put("reasons", ArrayValue.of(reasons))
        .put("obligations", obligations)
        .put("revision", StringValue.of(revision))
        .put("cached", BooleanValue.of(cached))
        .put("routing_reason", StringValue.of(routingReason));
    if (result != null) {
      b.put("result", result);
    }
    if (error != null) {
      b.put("error", StringValue.of(error));
    }
    return b.build();
  }
}
