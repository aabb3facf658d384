package dev.verdict.service.logs;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.verdict.service.store.Snapshot;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /**
   * The event as JSON: OPA's fields (labels, decision_id, bundles, path, input, result, timestamp,
   * metrics), then Verdict's (revision, and the decision API's mode, routing_reason, allowed,
   * would_allow, error). Written straight from the fields, keys in sorted order as an {@link
   * ObjectValue} would write them, so that an unmasked event costs no intermediate document.
   */
  byte[] toJson(ObjectValue labels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = Json.factory().createGenerator(out)) {
      g.writeStartObject();
      if (decision != null) {
        g.writeBooleanField("allowed", decision.allowed());
      }
      if (!snapshot.bundles().isEmpty()) {
        ObjectValue.Builder bundles = ObjectValue.builder();
        snapshot.bundles().forEach((name, rev) -> bundles.put(name, ObjectValue.builder().put("revision", StringValue.of(rev)).build()));
        field(g, "bundles", bundles.build());
      }
      g.writeStringField("decision_id", decisionId);
      if (error != null) {
        g.writeStringField("error", error);
      }
      if (input != null) {
        field(g, "input", input);
      }
      field(g, "labels", labels);
      g.writeObjectFieldStart("metrics");
      g.writeNumberField("timer_rego_query_eval_ns", evalNanos);
      g.writeNumberField("timer_server_handler_ns", handlerNanos);
      g.writeEndObject();
      if (decision != null) {
        g.writeStringField("mode", decision.mode());
      }
      g.writeStringField("path", path);
      if (result != null) {
        field(g, "result", result);
      }
      g.writeStringField("revision", snapshot.revision());
      if (decision != null) {
        g.writeStringField("routing_reason", decision.routingReason());
      }
      g.writeStringField("timestamp", timestamp.toString());
      if (decision != null) {
        g.writeFieldName("would_allow");
        if (decision.wouldAllow() == null) {
          g.writeNull();
        } else {
          g.writeBoolean(decision.wouldAllow());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** The event as a document, for the drop and mask rules: exactly what {@link #toJson} writes. */
  ObjectValue toValue(ObjectValue labels) {
    return (ObjectValue) Json.parse(toJson(labels));
  }

  private static void field(JsonGenerator g, String name, Value value) throws IOException {
    g.writeFieldName(name);
    Json.write(value, g);
  }
}
