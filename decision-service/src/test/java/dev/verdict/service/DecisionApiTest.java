package dev.verdict.service;

import static dev.verdict.service.Api.OPS;
import static dev.verdict.service.Api.WRITER;
import static dev.verdict.service.Api.as;
import static dev.verdict.service.Api.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.service.decision.CanaryBucket;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision API: modes, canary, kill switch, fail-closed, cache and the deny-overrides idiom. */
@QuarkusTest
class DecisionApiTest {

  private static JsonPath decide(String path, String input) {
    return json("{\"input\": " + input + "}").post("/v1/decisions/" + path).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void enforceAppliesThePolicysAnswer() {
    JsonPath d = decide("test/decision", "{\"user\": \"mallory\"}");
    assertFalse(d.getBoolean("allowed"));
    assertTrue(d.getBoolean("enforced"));
    assertEquals("enforce", d.getString("mode"));
    assertFalse(d.getBoolean("would_allow"));
    assertEquals(List.of("user checked"), d.getList("reasons"));
    assertEquals(Map.of("max", 10), d.getMap("obligations"));
    assertEquals("default_mode", d.getString("routing_reason"));
    assertEquals(false, d.getMap("result").get("allow"));
  }

  @Test
  void booleanDocumentsAndUndefinedAnswers() {
    assertTrue(decide("test/allow", "{\"user\": \"alice\"}").getBoolean("allowed"));
    JsonPath undefined = decide("test/allow", "{\"user\": \"zed\"}");
    assertFalse(undefined.getBoolean("allowed"));
    assertEquals(List.of("no policy rule matched (undefined)"), undefined.getList("reasons"));
    assertFalse(undefined.getMap("$").containsKey("result"));
  }

  @Test
  void unknownPathsAre404() {
    json("{\"input\": {}}").post("/v1/decisions/nowhere/at/all").then().statusCode(404).body("code", equalTo("undefined_document"));
  }

  @Test
  void dryRunAllowsAndCarriesTheRealAnswer() {
    JsonPath d = decide("test/dry", "{\"user\": \"mallory\", \"n\": 1}");
    assertTrue(d.getBoolean("allowed"));
    assertFalse(d.getBoolean("enforced"));
    assertEquals("dry-run", d.getString("mode"));
    assertFalse(d.getBoolean("would_allow"));
    assertEquals("path_mode", d.getString("routing_reason"));
    given().get("/metrics").then().body(containsString("verdict_dry_run_divergence_total{path=\"test/dry\",}"));
  }

  @Test
  void offDoesNotEvaluate() {
    JsonPath d = decide("test/off", "{}");
    assertTrue(d.getBoolean("allowed"));
    assertEquals("off", d.getString("mode"));
    assertNull(d.get("would_allow"));
  }

  @Test
  void canaryRoutesBySubjectAgentAndBucket() {
    assertEquals("explicit_dry_run_user", decide("test/canary", "{\"user\": \"bob\", \"agent_id\": \"agent-core\"}").getString("routing_reason"));
    JsonPath carol = decide("test/canary", "{\"user\": \"carol\"}");
    assertEquals("explicit_enforce_user", carol.getString("routing_reason"));
    assertEquals("enforce", carol.getString("mode"));
    assertEquals("explicit_enforce_agent", decide("test/canary", "{\"user\": \"dan\", \"agent_id\": \"agent-core\"}").getString("routing_reason"));
    // Percentage 50: alice|agent-core is bucket 13 (enforce), bob's vector bucket 57 would be dry-run.
    for (String user : List.of("alice", "erin", "frank", "grace")) {
      JsonPath d = decide("test/canary", "{\"user\": \"" + user + "\", \"agent_id\": \"llm-agent\"}");
      assertEquals("percentage_rollout", d.getString("routing_reason"));
      assertEquals(CanaryBucket.of(user + "|llm-agent") < 50 ? "enforce" : "dry-run", d.getString("mode"), user);
    }
  }

  @Test
  void failClosedOnErrorsAndDeadlines() {
    JsonPath conflict = decide("test/conflict", "{\"x\": true}");
    assertFalse(conflict.getBoolean("allowed"));
    assertNull(conflict.get("would_allow"));
    assertTrue(conflict.getString("error").contains("eval_conflict_error"));
    JsonPath slow = decide("test/slow", "{}");
    assertFalse(slow.getBoolean("allowed"));
    assertTrue(slow.getString("error").contains("eval_cancel_error"), slow.prettify());
    JsonPath malformed = decide("test/malformed", "{}");
    assertFalse(malformed.getBoolean("allowed"));
    assertTrue(malformed.getString("error").contains("want a boolean or an object"));
    given().get("/metrics").then().body(containsString("outcome=\"error\""));
  }

  @Test
  void cacheServesRepeatsButNeverNondeterministicAnswersOrErrors() {
    String input = "{\"user\": \"alice\", \"nonce\": \"cache-test\"}";
    assertFalse(decide("test/decision", input).getBoolean("cached"));
    assertTrue(decide("test/decision", input).getBoolean("cached"));
    // Another input, even one field apart, is another entry.
    assertFalse(decide("test/decision", "{\"user\": \"alice\", \"nonce\": \"cache-test2\"}").getBoolean("cached"));
    json("{\"input\": {}}").post("/v1/data/test/clock").then().statusCode(200);
    json("{\"input\": {}}").post("/v1/data/test/clock").then().statusCode(200);
    assertFalse(decide("test/clock", "{}").getBoolean("cached"));
    assertFalse(decide("test/conflict", "{\"x\": true}").getBoolean("cached"));
    assertFalse(decide("test/conflict", "{\"x\": true}").getBoolean("cached"));
    // A new revision empties the cache.
    as(WRITER).contentType("text/plain").body("package cachebust\nx := 1\n").put("/v1/policies/cachebust.rego").then().statusCode(200);
    assertFalse(decide("test/decision", input).getBoolean("cached"));
    as(WRITER).delete("/v1/policies/cachebust.rego").then().statusCode(200);
    given().get("/metrics").then().body(containsString("cache_gets_total{cache=\"verdict_decisions\",result=\"hit\",}"));
  }

  @Test
  void killSwitchAndPathModesAtRunTime() {
    json("{\"enabled\": true}").put("/v1/admin/kill-switch").then().statusCode(401);
    json("{\"enabled\": true}").header("Authorization", WRITER).put("/v1/admin/kill-switch").then().statusCode(403);
    try {
      json("{\"enabled\": true}").header("Authorization", OPS).put("/v1/admin/kill-switch").then().statusCode(200)
          .body("kill_switch", equalTo(true));
      JsonPath d = decide("test/decision", "{\"user\": \"mallory\"}");
      assertTrue(d.getBoolean("allowed"));
      assertEquals("dry-run", d.getString("mode"));
      assertEquals("emergency_kill_switch", d.getString("routing_reason"));
      as(OPS).get("/v1/admin/config").then().statusCode(200).body("kill_switch", equalTo(true))
          .body("auth.tokens", equalTo(List.of("ops", "writer"))).body("$", not(hasKey("secret")))
          .body("revision", equalTo(d.getString("revision")));
    } finally {
      json("{\"enabled\": false}").header("Authorization", OPS).put("/v1/admin/kill-switch").then().statusCode(200);
    }
    json("{\"mode\": \"dry-run\"}").header("Authorization", OPS).put("/v1/admin/modes/test/allow").then().statusCode(200)
        .body("'test/allow'", equalTo("dry-run"));
    assertEquals("dry-run", decide("test/allow", "{}").getString("mode"));
    as(OPS).delete("/v1/admin/modes/test/allow").then().statusCode(200).body("$", not(hasKey("test/allow")));
    assertEquals("enforce", decide("test/allow", "{}").getString("mode"));
    json("{\"mode\": \"sometimes\"}").header("Authorization", OPS).put("/v1/admin/modes/test/allow").then().statusCode(400);
    given().get("/metrics").then().body(containsString("verdict_kill_switch 0.0"));
  }

  /**
   * Shannon's policies raise eval_conflict_error on 5 of these 16 inputs. The deny-overrides idiom
   * in policies/agent-gate answers every one: a conflict becomes a deny when a deny rule matches,
   * an allow when only grants do, and the other outcomes and reasons stay as Shannon's.
   */
  @Test
  void denyOverridesIdiomOnShannonsScenarios() throws Exception {
    String gate = Files.readString(Path.of("../policies/agent-gate/gate.rego"));
    as(WRITER).contentType("text/plain").body(gate).put("/v1/policies/agent-gate.rego").then().statusCode(200);
    int conflicts = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/vectors/shannon-scenarios.jsonl"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonPath scenario = JsonPath.from(line);
        String name = scenario.getString("name");
        String inputJson = Json.toJson(((ObjectValue) Json.parse(line)).get("input"));
        JsonPath d = decide("agent/gate/decision", inputJson);
        assertNull(d.get("error"), name + ": " + d.prettify());
        List<String> denies = json("{\"input\": " + inputJson + "}").post("/v1/data/agent/gate/deny").jsonPath().getList("result");
        String expected = scenario.getString("expected_rego");
        boolean allowed = d.getBoolean("allowed");
        switch (expected) {
          case "allow" -> assertTrue(allowed, name);
          case "deny" -> assertFalse(allowed, name);
          default -> {
            conflicts++;
            assertEquals(denies.isEmpty(), allowed, name + ": " + d.prettify());
          }
        }
        if (!expected.equals("conflict")) {
          assertTrue(d.getList("reasons").contains(scenario.getString("expected_reason")), name + ": " + d.prettify());
        }
      }
    }
    assertEquals(5, conflicts);
  }
}
