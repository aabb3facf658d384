package dev.verdict.service;

import static dev.verdict.service.Api.WRITER;
import static dev.verdict.service.Api.as;
import static dev.verdict.service.Api.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** OPA's REST API as its clients use it, with OPA's error bodies and status codes. */
@QuarkusTest
class OpaApiTest {

  @Test
  void postDataAnswersResultAndDecisionId() {
    json("{\"input\": {\"user\": \"alice\"}}").post("/v1/data/test/allow").then()
        .statusCode(200).body("result", equalTo(true)).body("decision_id", notNullValue());
  }

  @Test
  void undefinedDocumentsHaveNoResultKey() {
    json("{\"input\": {\"user\": \"mallory\"}}").post("/v1/data/test/allow").then()
        .statusCode(200).body("$", not(hasKey("result"))).body("$", not(hasKey("warning")));
  }

  @Test
  void aBodyWithoutInputGetsOpasWarning() {
    json("{}").post("/v1/data/limits/max").then()
        .statusCode(200).body("result", equalTo(10)).body("warning.code", equalTo("api_usage_warning"));
  }

  @Test
  void aRepeatedBodyIsAnsweredFromTheCacheAndEveryOtherRequestIsCountedOnce() {
    String body = "{\"input\": {\"user\": \"alice\", \"nonce\": \"body-cache\"}}";
    long[] before = cacheGets();
    json(body).post("/v1/data/test/allow").then().statusCode(200).body("result", equalTo(true));
    assertCacheGets(before, 0, 1, 1, "a new input: one miss, not one per key; stored by its input");
    json(body).post("/v1/data/test/allow").then().statusCode(200).body("result", equalTo(true)).body("$", not(hasKey("warning")));
    assertCacheGets(before, 1, 1, 2, "the input repeats: a hit, and now its bytes are remembered too");
    json(body).post("/v1/data/test/allow").then().statusCode(200).body("result", equalTo(true)).body("$", not(hasKey("warning")));
    assertCacheGets(before, 2, 1, 2, "the same bytes again: a hit by the bytes");
    json("{ \"input\" : {\"nonce\": \"body-cache\", \"user\": \"alice\"} }").post("/v1/data/test/allow").then()
        .statusCode(200).body("result", equalTo(true));
    assertCacheGets(before, 3, 1, 3, "the same input written differently: a hit by the input, these bytes remembered");
    // A body without an input is never answered by its bytes: the warning comes every time.
    json("{}").post("/v1/data/limits/max").then().statusCode(200).body("warning.code", equalTo("api_usage_warning"));
    json("{}").post("/v1/data/limits/max").then().statusCode(200).body("warning.code", equalTo("api_usage_warning"));
    // Nondeterministic answers are not remembered under either key.
    long first = json("{\"input\": {}}").post("/v1/data/test/clock").then().statusCode(200).extract().jsonPath().getLong("result");
    long second = json("{\"input\": {}}").post("/v1/data/test/clock").then().statusCode(200).extract().jsonPath().getLong("result");
    assertNotEquals(first, second);
  }

  /** The decision cache so far: hits, misses, entries. */
  private static long[] cacheGets() {
    String text = given().get("/metrics").then().statusCode(200).extract().asString();
    return new long[] {
        metric(text, "cache_gets_total{cache=\"verdict_decisions\",result=\"hit\",} "),
        metric(text, "cache_gets_total{cache=\"verdict_decisions\",result=\"miss\",} "),
        metric(text, "cache_size{cache=\"verdict_decisions\",} ")};
  }

  private static long metric(String metrics, String prefix) {
    return metrics.lines().filter(l -> l.startsWith(prefix)).mapToLong(l -> (long) Double.parseDouble(l.substring(prefix.length())))
        .findFirst().orElseThrow();
  }

  private static void assertCacheGets(long[] before, long hits, long misses, long entries, String why) {
    long[] now = cacheGets();
    assertEquals(hits, now[0] - before[0], why + " (hits)");
    assertEquals(misses, now[1] - before[1], why + " (misses)");
    assertEquals(entries, now[2] - before[2], why + " (entries)");
  }

  @Test
  void getReadsDocumentsWithAnInputParameter() {
    given().get("/v1/data/limits").then().statusCode(200).body("result.max", equalTo(10));
    given().queryParam("input", "{\"user\": \"alice\"}").get("/v1/data/test/allow").then().body("result", equalTo(true));
  }

  @Test
  void hiddenEntriesOfThePolicyDirectoryAreNotLoaded() {
    given().get("/v1/data/hidden/loaded").then().statusCode(200).body("$", not(hasKey("result")));
  }

  @Test
  void postRootEvaluatesSystemMainWithTheWholeBodyAsInput() {
    json("{\"name\": \"x\"}").post("/").then().statusCode(200).body("hello", equalTo("x"));
    json("{}").post("/").then().statusCode(404)
        .body("code", equalTo("undefined_document")).body("message", equalTo("document missing: data.system.main"));
  }

  @Test
  void batchAnswersEveryInputAnd207WhenSomeFail() {
    json("{\"inputs\": {\"a\": {\"user\": \"alice\"}, \"b\": {\"user\": \"bob\"}}}").post("/v1/batch/data/test/allow").then()
        .statusCode(200).body("responses.a.result", equalTo(true)).body("responses.b", not(hasKey("result")))
        .body("batch_decision_id", notNullValue());
    json("{\"inputs\": {\"ok\": {}, \"bad\": {\"x\": true}}}").post("/v1/batch/data/test/conflict").then()
        .statusCode(207).body("responses.bad.code", equalTo("internal_error"))
        .body("responses.bad.http_status_code", equalTo("500")).body("responses.ok", not(hasKey("code")));
    json("[]").post("/v1/batch/data/test/allow").then().statusCode(400).body("code", equalTo("invalid_parameter"));
  }

  @Test
  void malformedJsonIs400InvalidParameter() {
    json("{\"input\": ").post("/v1/data/test/allow").then()
        .statusCode(400).body("code", equalTo("invalid_parameter")).body("message", startsWith("body contains malformed JSON"));
    json("[1]").post("/v1/data/test/allow").then().statusCode(400).body("code", equalTo("invalid_parameter"));
  }

  @Test
  void oversizedBodiesAre413() {
    String big = "{\"input\": \"" + "x".repeat(70_000) + "\"}";
    json(big).post("/v1/data/test/allow").then().statusCode(413).body("code", equalTo("request_too_large"));
  }

  @Test
  void evaluationErrorsAre500WithTheRegoErrors() {
    json("{\"input\": {\"x\": true}}").post("/v1/data/test/conflict").then()
        .statusCode(500).body("code", equalTo("internal_error"))
        .body("errors[0].code", equalTo("eval_conflict_error")).body("errors[0].location.row", notNullValue());
  }

  @Test
  void strictBuiltinErrorsTurnUndefinedIntoErrors() {
    json("{\"input\": {\"text\": \"abc\"}}").post("/v1/data/test/strict").then().statusCode(200).body("$", not(hasKey("result")));
    json("{\"input\": {\"text\": \"abc\"}}").queryParam("strict-builtin-errors", "true").post("/v1/data/test/strict").then()
        .statusCode(500).body("errors[0].code", equalTo("eval_builtin_error"));
  }

  @Test
  void metricsProvenanceAndPretty() {
    json("{\"input\": {}}").queryParam("metrics", "true").queryParam("provenance", "true").post("/v1/data/limits").then()
        .body("metrics.timer_rego_query_eval_ns", notNullValue())
        .body("provenance.version", startsWith("verdict-"))
        .body("provenance.bundles.policies.revision", notNullValue());
    String pretty = json("{\"input\": {}}").queryParam("pretty", "true").post("/v1/data/limits").asString();
    assertEquals(true, pretty.contains("\n  \"result\""), pretty);
  }

  @Test
  void numbersKeepTheirExactText() {
    as(WRITER).contentType("application/json").body("{\"n\": 12345678901234567890.123456789012345678901}")
        .put("/v1/data/exact").then().statusCode(204);
    String body = given().get("/v1/data/exact/n").asString();
    assertEquals(true, body.contains("12345678901234567890.123456789012345678901"), body);
  }

  @Test
  void policyLifecycle() {
    given().contentType("text/plain").body("package up\nx := 1\n").put("/v1/policies/up.rego").then()
        .statusCode(401).body("code", equalTo("unauthorized"));
    as("Bearer ops-secret").contentType("text/plain").body("package up\nx := 1\n").put("/v1/policies/up.rego").then()
        .statusCode(403);
    as(WRITER).contentType("text/plain").body("package up\nx := 1\n").put("/v1/policies/up.rego").then()
        .statusCode(200).body(equalTo("{}\n"));
    given().get("/v1/data/up/x").then().body("result", equalTo(1));
    as(WRITER).get("/v1/policies/up.rego").then().statusCode(200)
        .body("result.id", equalTo("up.rego")).body("result.raw", containsString("x := 1"));
    as(WRITER).get("/v1/policies").then().statusCode(200).body("result.id", org.hamcrest.Matchers.hasItem("up.rego"));

    // A bad upload lists every error with its location; the old policy keeps serving.
    as(WRITER).contentType("text/plain").body("package up\nx := y\nz := w\n").put("/v1/policies/up.rego").then()
        .statusCode(400).body("code", equalTo("invalid_parameter"))
        .body("errors.size()", equalTo(2)).body("errors[0].location.file", equalTo("up.rego"))
        .body("errors[0].location.row", equalTo(2));
    given().get("/v1/data/up/x").then().body("result", equalTo(1));

    as(WRITER).delete("/v1/policies/up.rego").then().statusCode(200);
    given().get("/v1/data/up/x").then().body("$", not(hasKey("result")));
    as(WRITER).delete("/v1/policies/up.rego").then().statusCode(404).body("code", equalTo("resource_not_found"));
    as(WRITER).get("/v1/policies/nope").then().statusCode(404);
  }

  @Test
  void directoryPoliciesAreNotWritableThroughTheApi() {
    as(WRITER).contentType("text/plain").body("package system\n").put("/v1/policies/src/test/resources/policies/system.rego").then()
        .statusCode(400).body("message", containsString("belongs to the policy directory"));
  }

  @Test
  void dataWritesAndJsonPatch() {
    json("{\"a\": 1, \"list\": [1, 2]}").header("Authorization", WRITER).put("/v1/data/patched").then().statusCode(204);
    json("{\"a\": 5}").put("/v1/data/patched").then().statusCode(401);
    json("[{\"op\": \"add\", \"path\": \"/b\", \"value\": {\"c\": true}}, {\"op\": \"replace\", \"path\": \"/a\", \"value\": 2},"
        + " {\"op\": \"remove\", \"path\": \"/list/0\"}, {\"op\": \"add\", \"path\": \"/list/-\", \"value\": 3}]")
        .header("Authorization", WRITER).patch("/v1/data/patched").then().statusCode(204);
    given().get("/v1/data/patched").then()
        .body("result.a", equalTo(2)).body("result.b.c", equalTo(true)).body("result.list", equalTo(java.util.List.of(2, 3)));
    json("[{\"op\": \"add\", \"path\": \"/x\", \"value\": 1}]").header("Authorization", WRITER).patch("/v1/data/missing").then()
        .statusCode(404);
    json("[{\"op\": \"move\", \"path\": \"/a\"}]").header("Authorization", WRITER).patch("/v1/data/patched").then()
        .statusCode(400).body("code", equalTo("invalid_parameter"));
    json("{\"a\": 9}").header("Authorization", WRITER).header("If-None-Match", "*").put("/v1/data/patched").then().statusCode(304);
  }

  @Test
  void queries() {
    json("{\"query\": \"x := data.limits.max; y := input.k\", \"input\": {\"k\": \"v\"}}").post("/v1/query").then()
        .statusCode(200).body("result[0].x", equalTo(10)).body("result[0].y", equalTo("v"));
    given().queryParam("q", "data.limits.max == 11").get("/v1/query").then().statusCode(200).body("$", not(hasKey("result")));
    json("{\"query\": \"x := \"}").post("/v1/query").then().statusCode(400).body("errors[0].code", equalTo("rego_parse_error"));
  }

  @Test
  void healthAndMetrics() {
    given().get("/health").then().statusCode(200).body(equalTo("{}\n"));
    given().get("/health?bundles").then().statusCode(200);
    given().get("/health?plugins").then().statusCode(200);
    json("{\"input\": {\"user\": \"alice\"}}").post("/v1/data/test/allow").then().statusCode(200);
    given().get("/metrics").then().statusCode(200)
        .body(containsString("verdict_data_queries_total")).body(containsString("cache_gets_total"))
        .body(containsString("verdict_policy_revision_info"));
    given().get("/q/metrics").then().statusCode(200).body(containsString("verdict_decision_duration_seconds_bucket"));
  }

  @Test
  void unknownRoutesAre404InOpasShape() {
    given().get("/v2/nothing").then().statusCode(404).body("code", equalTo("resource_not_found"));
  }

  @Test
  void theBenchmarkBaselineIsOffUnlessConfigured() {
    given().get("/v1/bench/constant").then().statusCode(404).body("code", equalTo("resource_not_found"));
  }

  @Test
  void sloFiguresAreExportedAgainstTheirThresholds() {
    json("{\"input\": {\"user\": \"alice\"}}").post("/v1/data/test/allow").then().statusCode(200);
    given().get("/metrics").then().statusCode(200)
        .body(containsString("verdict_slo_threshold{slo=\"latency_p95\",} 0.005"))
        .body(containsString("verdict_slo_threshold{slo=\"cache_hit_rate\",} 0.8"))
        .body(containsString("verdict_slo_met{slo=\"error_rate\","))
        .body(containsString("verdict_slo_value{slo=\"latency_p50\","));
  }
}
