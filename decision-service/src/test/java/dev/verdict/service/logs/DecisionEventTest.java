package dev.verdict.service.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.PolicySet;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.service.store.Snapshot;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event as the log writes it: every field, in the order an {@link ObjectValue} writes keys. */
class DecisionEventTest {

  private static final PolicySet POLICIES = Verdict.compile(Sources.builder().module("p.rego", "package p\nallow := true\n").build());
  private static final ObjectValue LABELS = ObjectValue.builder().put("id", StringValue.of("i-1")).put("version", StringValue.of("v")).build();
  private static final Instant AT = Instant.parse("2026-11-23T16:00:00.123Z");

  @Test
  void aDecisionApiEventCarriesOpasFieldsAndTheOutcome() {
    Snapshot snapshot = new Snapshot(POLICIES, AT, Map.of("authz", "r7", "base", "r1"));
    DecisionEvent e = new DecisionEvent("d-1", "p/allow", Json.parse("{\"user\":\"bob\",\"n\":1.50}"),
        Json.parse("{\"allow\":false}"), AT, snapshot, 1200, 3400,
        new DecisionEvent.Outcome("dry-run", "canary_subject", true, false), null);
    String expected = "{\"allowed\":true,\"bundles\":{\"authz\":{\"revision\":\"r7\"},\"base\":{\"revision\":\"r1\"}},"
        + "\"decision_id\":\"d-1\",\"input\":{\"n\":1.5,\"user\":\"bob\"},\"labels\":{\"id\":\"i-1\",\"version\":\"v\"},"
        + "\"metrics\":{\"timer_rego_query_eval_ns\":1200,\"timer_server_handler_ns\":3400},\"mode\":\"dry-run\","
        + "\"path\":\"p/allow\",\"result\":{\"allow\":false},\"revision\":\"" + POLICIES.revision() + "\","
        + "\"routing_reason\":\"canary_subject\",\"timestamp\":\"2026-11-23T16:00:00.123Z\",\"would_allow\":false}";
    assertEquals(expected, new String(e.toJson(LABELS), StandardCharsets.UTF_8));
    assertEquals(expected, Json.toJson(e.toValue(LABELS)), "the document the rules see is the event as written");
  }

  @Test
  void aDataApiErrorHasNoInputResultOrOutcome() {
    DecisionEvent e = new DecisionEvent("d-2", "p/x", null, null, AT, new Snapshot(POLICIES, AT, Map.of()), 0, 10, null,
        "eval_conflict_error: \"quoted\"");
    assertEquals("{\"decision_id\":\"d-2\",\"error\":\"eval_conflict_error: \\\"quoted\\\"\",\"labels\":{\"id\":\"i-1\",\"version\":\"v\"},"
        + "\"metrics\":{\"timer_rego_query_eval_ns\":0,\"timer_server_handler_ns\":10},\"path\":\"p/x\",\"revision\":\""
        + POLICIES.revision() + "\",\"timestamp\":\"2026-11-23T16:00:00.123Z\"}", new String(e.toJson(LABELS), StandardCharsets.UTF_8));
  }

  @Test
  void anUndecidedPolicyAnswerIsLoggedAsNull() {
    DecisionEvent e = new DecisionEvent("d-3", "p/allow", null, null, AT, new Snapshot(POLICIES, AT, Map.of()), 0, 0,
        new DecisionEvent.Outcome("enforce", "default", false, null), "boom");
    assertEquals(Json.parse("null"), e.toValue(LABELS).get("would_allow"));
  }
}
