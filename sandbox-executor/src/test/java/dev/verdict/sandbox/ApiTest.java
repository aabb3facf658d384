package dev.verdict.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor's API against a real decision service (a process serving policies/sandbox; subjects
 * in policies/sandbox/data.json: alice owner, bob trusted, carol semi-trusted, mallory blocked).
 */
@QuarkusTest
@WithTestResource(DecisionServiceProcess.class)
class ApiTest {

  static final List<String> GUESTS = List.of("hello", "cat", "exit3", "sum", "log", "kv", "env", "loop_br",
      "loop_br_if", "loop_br_table", "start_loop", "sleep_loop", "memory_bomb", "recursion", "huge_output", "table_bomb");

  /** guests/c, uploaded as c-NAME. */
  static final List<String> C_GUESTS = List.of("hello", "sha256", "sieve", "recursion", "malloc_bomb", "huge_printf");

  @TestHTTPResource("/v1/executions")
  URI executions;

  private static boolean uploaded;

  /** The app outlives each test: guests are uploaded (validated, instrumented, compiled) once. */
  @BeforeEach
  void upload() {
    if (uploaded) {
      return;
    }
    uploaded = true;
    for (String g : GUESTS) {
      put(g, Guests.wasm(g)).statusCode(200);
    }
    for (String g : C_GUESTS) {
      put("c-" + g, Guests.c(g)).statusCode(200);
    }
  }

  static ValidatableResponse put(String name, byte[] wasm) {
    return given().contentType("application/wasm").body(wasm).put("/v1/modules/" + name).then();
  }

  static ValidatableResponse run(Map<String, Object> request) {
    return given().contentType("application/json").body(request).post("/v1/executions").then();
  }

  static Map<String, Object> as(String subject, String tenant, String module) {
    Map<String, Object> s = tenant == null ? Map.of("id", subject) : Map.of("id", subject, "tenant", tenant);
    return new java.util.HashMap<>(Map.of("module", module, "subject", s));
  }

  static Map<String, Object> with(Map<String, Object> req, String key, Object value) {
    req.put(key, value);
    return req;
  }

  static void helloStillRuns() {
    run(as("alice", "acme", "hello")).statusCode(200).body("status", equalTo("ok")).body("stdout", equalTo("hello, world\n"));
  }

  @Test
  void modulesAreStoredInspectedAndDeleted() {
    put("temp", Guests.wasm("hello")).statusCode(200)
        .body("name", equalTo("temp"))
        .body("sha256", matchesPattern("[0-9a-f]{64}"))
        .body("size", equalTo(Guests.wasm("hello").length))
        .body("imports[0].module", equalTo("wasi_snapshot_preview1"))
        .body("imports[0].name", equalTo("fd_write"))
        .body("exports", hasItem("_start"));
    given().get("/v1/modules").then().statusCode(200).body("modules.name", hasItem("temp"));
    given().get("/v1/modules/temp").then().statusCode(200).body("name", equalTo("temp"));
    given().delete("/v1/modules/temp").then().statusCode(204);
    given().get("/v1/modules/temp").then().statusCode(404);
    run(as("alice", "acme", "temp")).statusCode(404).body("code", equalTo("module_not_found"));
  }

  @Test
  void badModulesAreRefusedNamingTheProblem() {
    put("bad", "not wasm at all".getBytes(StandardCharsets.UTF_8)).statusCode(400).body("message", containsString("magic"));
    byte[] truncated = java.util.Arrays.copyOf(Guests.wasm("hello"), 30);
    put("bad", truncated).statusCode(400).body("message", containsString("malformed"));
    byte[] oversized = new byte[2 << 20];
    System.arraycopy(Guests.wasm("hello"), 0, oversized, 0, 8);
    put("bad", oversized).statusCode(413).body("code", equalTo("request_too_large"));
    put("bad", Guests.wasm("forbidden_import")).statusCode(400).body("message", containsString("env.system"));
    put("bad", com.dylibso.chicory.wabt.Wat2Wasm.parse("(module (memory 5000))")).statusCode(400)
        .body("message", containsString("5000 initial pages"));
    put("bad", com.dylibso.chicory.wabt.Wat2Wasm.parse("(module (import \"verdict\" \"kv.write\" (func (param i32))))"))
        .statusCode(400).body("message", containsString("does not match"));
    put("bad", Guests.manyLocals(20_000)).statusCode(400).body("message", containsString("20000 locals"));
    given().get("/v1/modules/bad").then().statusCode(404);
  }

  @Test
  void runsWhatTheDecisionAllows() {
    run(as("alice", "acme", "hello")).statusCode(200)
        .body("status", equalTo("ok"))
        .body("exit_code", equalTo(0))
        .body("stdout", equalTo("hello, world\n"))
        .body("output_truncated", equalTo(false))
        .body("fuel_consumed", greaterThan(0))
        .body("execution_id", notNullValue())
        .body("decision_id", notNullValue())
        .body("reasons", hasItem("subject alice is owner"));
    run(as("stranger", null, "exit3")).statusCode(200).body("status", equalTo("exit")).body("exit_code", equalTo(3));
    run(with(as("stranger", null, "cat"), "stdin_base64", Base64.getEncoder().encodeToString("b64 in".getBytes())))
        .body("stdout", equalTo("b64 in"));
  }

  @Test
  void deniedByThePolicyIs403WithReasons() {
    run(as("mallory", "acme", "hello")).statusCode(403)
        .body("status", equalTo("denied"))
        .body("reasons", equalTo(List.of("subject mallory is blocked")))
        .body("decision_id", notNullValue());
    run(as("bob", "globex", "hello")).statusCode(403).body("reasons", hasItem("subject bob is not a member of tenant globex"));
  }

  @Test
  void ungrantedHostFunctionsAreAbsent() {
    run(as("stranger", null, "log")).statusCode(403)
        .body("status", equalTo("denied"))
        .body("reasons[0]", containsString("host.log"));
    run(as("carol", "globex", "log")).statusCode(200).body("stderr", equalTo("hi from the guest\n"));
    run(as("carol", "globex", "kv")).statusCode(403).body("reasons[0]", containsString("host.kv.write"));
    run(with(as("stranger", null, "env"), "env", Map.of("A", "1"))).statusCode(403)
        .body("reasons[0]", containsString("wasi.env"));
    run(with(as("bob", "acme", "env"), "env", Map.of("A", "1", "B", "2"))).statusCode(200).body("stdout", equalTo("2"));
  }

  @Test
  void keyValueStoreIsPerTenant() {
    run(with(as("bob", "initech", "kv"), "stdin", "for initech")).statusCode(200).body("stdout", equalTo("miss"));
    run(as("bob", "initech", "kv")).statusCode(200).body("stdout", equalTo("for initech"));
    run(as("alice", "acme", "kv")).statusCode(200).body("stdout", equalTo("miss"));
  }

  @Test
  void limitsAreTheNarrowestOfRequestGrantAndServer() {
    run(with(as("alice", "acme", "sum"), "limits", Map.of("fuel", 1000))).statusCode(200)
        .body("status", equalTo("fuel_exhausted"))
        .body("fuel_consumed", equalTo(1000));
    // untrusted: the policy grants 1000 ms although 60 s were asked for
    JsonPath r = run(with(as("stranger", null, "sleep_loop"), "limits", Map.of("timeout_ms", 60_000))).statusCode(200)
        .extract().jsonPath();
    assertEquals("deadline_exceeded", r.getString("status"));
    // Far below the 60 s asked for, so the grant applied; how close to 1 s it stops is a benchmark's job.
    assertTrue(r.getLong("duration_ms") < 20_000, "ran " + r.getLong("duration_ms") + " ms");
  }

  @Test
  void hostileModulesEndWithTheRightStatusAndTheServiceKeepsServing() {
    Map<String, Object> shortDeadline = Map.of("timeout_ms", 300, "fuel", 1_000_000_000_000L);
    for (String g : List.of("loop_br", "loop_br_if", "loop_br_table", "start_loop", "sleep_loop")) {
      run(with(as("alice", "acme", g), "limits", shortDeadline)).statusCode(200).body("status", equalTo("deadline_exceeded"));
      helloStillRuns();
    }
    run(with(as("alice", "acme", "memory_bomb"), "limits", Map.of("memory_pages", 16))).body("status", equalTo("memory_exceeded"));
    helloStillRuns();
    run(as("alice", "acme", "recursion")).body("status", equalTo("stack_exhausted"));
    helloStillRuns();
    run(with(as("alice", "acme", "huge_output"), "limits", Map.of("output_bytes", 1000))).body("status", equalTo("ok"))
        .body("output_truncated", equalTo(true)).body("stdout.length()", equalTo(1000));
    helloStillRuns();
    run(as("alice", "acme", "table_bomb")).body("status", equalTo("trap"));
    helloStillRuns();
    put("locals", Guests.manyLocals(3_000)).statusCode(200);
    run(as("alice", "acme", "locals")).body("status", equalTo("ok"));
    helloStillRuns();
  }

  @Test
  void cGuestsAnswerAndHostileOnesEndWithTheRightStatus() throws Exception {
    run(with(with(as("alice", "acme", "c-hello"), "args", List.of("x", "y z")), "stdin", "in")).statusCode(200)
        .body("status", equalTo("ok")).body("stdout", equalTo("hello, world\narg 1: x\narg 2: y z\nin"));
    run(with(as("alice", "acme", "c-sha256"), "args", List.of("100003", "2"))).statusCode(200)
        .body("status", equalTo("ok")).body("stdout", equalTo(CGuestTest.sha256(100_003, 2)));
    run(with(as("alice", "acme", "c-sieve"), "args", List.of("1000000"))).statusCode(200)
        .body("status", equalTo("ok")).body("stdout", equalTo("78498\n"));
    run(as("alice", "acme", "c-recursion")).statusCode(200).body("status", equalTo("stack_exhausted"));
    helloStillRuns();
    run(with(as("alice", "acme", "c-malloc_bomb"), "limits", Map.of("memory_pages", 64))).statusCode(200)
        .body("status", equalTo("memory_exceeded")).body("stderr", equalTo("out of memory after 3 MiB\n"));
    helloStillRuns();
    run(with(with(as("alice", "acme", "c-huge_printf"), "args", List.of("100000")), "limits", Map.of("output_bytes", 5000)))
        .statusCode(200).body("status", equalTo("ok")).body("output_truncated", equalTo(true)).body("stdout.length()", equalTo(5000));
    helloStillRuns();
    // 100 MB of printf by default: the deadline ends it
    run(with(as("alice", "acme", "c-huge_printf"), "limits", Map.of("timeout_ms", 300))).statusCode(200)
        .body("status", equalTo("deadline_exceeded"));
    helloStillRuns();
  }

  @Test
  void aFullQueueIs429() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String body = "{\"module\":\"loop_br\",\"subject\":{\"id\":\"alice\"},\"limits\":{\"timeout_ms\":1500}}";
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(http.sendAsync(HttpRequest.newBuilder(executions).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> c : calls) {
      statuses.add(c.get().statusCode());
    }
    assertTrue(statuses.contains(429), statuses.toString());
    assertTrue(statuses.contains(200), statuses.toString());
    helloStillRuns();
  }

  @Test
  void metricsAndAuditRecords() throws Exception {
    String id = run(as("alice", "acme", "hello")).statusCode(200).extract().path("execution_id");
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String m : List.of("verdict_sandbox_executions_total{status=\"ok\"}", "verdict_sandbox_execution_duration_seconds_bucket",
        "verdict_sandbox_fuel_consumed_bucket", "verdict_sandbox_queue_depth", "cache_gets_total{cache=\"verdict_sandbox_modules\"")) {
      assertTrue(metrics.contains(m), m);
    }
    String line = Files.readAllLines(Path.of("target/audit.jsonl")).stream().filter(l -> l.contains(id)).findFirst().orElseThrow();
    JsonPath audit = JsonPath.from(line);
    assertEquals("ok", audit.getString("status"));
    assertEquals("alice", audit.getString("subject.id"));
    assertTrue(audit.getString("module_sha256").matches("[0-9a-f]{64}"));
    assertTrue(audit.getString("decision_id") != null);
    assertEquals(30000, audit.getInt("limits.timeout_ms"));
  }
}
