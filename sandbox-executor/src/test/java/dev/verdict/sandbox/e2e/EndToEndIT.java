package dev.verdict.sandbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verdict.bundle.Bundle;
import dev.verdict.sandbox.Guests;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Verdict end to end, every part a real process or server: bundles built by {@code bin/verdict
 * build} and served by a bundle server with ETags; the decision service's packaged jar polling it
 * and shipping decision logs to a collector; the executor's packaged jar asking the decision service
 * before every run. The steps run in order on one deployment: enforce, a path flipped to dry-run
 * and back, the kill switch on and off, a broken bundle that must not replace the serving revision,
 * a good new revision, and the decision service gone (the executor fails closed).
 *
 * <p>Subjects (policies/sandbox/data.json): alice owner, mallory blocked; dave is unknown, so
 * untrusted, until revision r3 makes him trusted. Guests: hello (no imports) and log (imports
 * {@code verdict.log}, capability {@code host.log}). Logs, bundles, the audit file and every
 * decision-log event received are under {@code target/e2e/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path WORK = Path.of("target/e2e").toAbsolutePath();
  private static final String PATH = "sandbox/execution";
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Secrets of this run only: admin for the test, decide for the executor. */
  private static final String ADMIN = UUID.randomUUID().toString();
  private static final String DECIDE = UUID.randomUUID().toString();

  /** policies/sandbox's untrusted profile. */
  private static final JsonNode UNTRUSTED_LIMITS =
      tree("{\"fuel\": 100000000, \"timeout_ms\": 1000, \"memory_pages\": 64, \"output_bytes\": 65536}");

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static BundleServer bundles;
  private static LogCollector collector;
  private static JarProcess decisionService;
  private static JarProcess executor;
  private static byte[] r3;
  /** The policy revision (content hash) the decision service reports while serving bundle r1. */
  private static String r1Revision;

  @BeforeAll
  static void deploy() throws Exception {
    long start = System.nanoTime();
    if (Files.exists(WORK)) {
      try (Stream<Path> old = Files.walk(WORK)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(WORK);
    // r3: policies/sandbox with dave made a trusted member of acme.
    Path r3Sources = copyOfSandboxPolicies("policies-r3");
    ObjectNode data = (ObjectNode) JSON.readTree(r3Sources.resolve("data.json").toFile());
    ((ObjectNode) data.path("sandbox_trust").path("subjects"))
        .set("dave", JSON.readTree("{\"trust\": \"trusted\", \"tenants\": [\"acme\"]}"));
    JSON.writerWithDefaultPrettyPrinter().writeValue(r3Sources.resolve("data.json").toFile(), data);

    // The CLI builds run side by side (each a JVM).
    Process b1 = verdictBuild("r1", ROOT.resolve("policies/sandbox"));
    Process b3 = verdictBuild("r3", r3Sources);
    awaitExit(b1, "r1", 0);
    awaitExit(b3, "r3", 0);
    r3 = Files.readAllBytes(WORK.resolve("bundle-r3.tar.gz"));

    bundles = new BundleServer(Files.readAllBytes(WORK.resolve("bundle-r1.tar.gz")));
    collector = new LogCollector(WORK.resolve("decision-log.jsonl"));
    decisionService = JarProcess.start("decision-service", ROOT.resolve("decision-service/target/quarkus-app/quarkus-run.jar"), WORK,
        List.of(
            "verdict.decision-logs.http.url=" + collector.url(),
            "verdict.decision-logs.http.flush-interval=100ms",
            "verdict.decision-logs.http.min-backoff=50ms",
            "verdict.decision-logs.http.max-backoff=1s",
            "verdict.decision-logs.labels.deployment=e2e",
            "verdict.auth.required=true",
            "verdict.auth.tokens.executor.secret=" + DECIDE,
            "verdict.auth.tokens.executor.scopes=decide",
            "verdict.auth.tokens.ops.secret=" + ADMIN,
            "verdict.auth.tokens.ops.scopes=admin"),
        // The bundle through the environment, as deploy/k8s-bundle-server configures it.
        Map.of("VERDICT_BUNDLES_SANDBOX_URL", bundles.url(), "VERDICT_BUNDLES_SANDBOX_POLL_INTERVAL", "200ms"));
    executor = JarProcess.start("sandbox-executor", ROOT.resolve("sandbox-executor/target/quarkus-app/quarkus-run.jar"), WORK,
        List.of(
            "verdict.decision-service.token=" + DECIDE,
            "verdict.sandbox.audit-file=" + WORK.resolve("audit.jsonl"),
            // Generous: a first decision on a cold, loaded machine may take longer than the 500 ms default.
            "verdict.decision-service.timeout=10s",
            "verdict.decision-service.url=" + decisionService.url()),
        Map.of());
    // /health is 200 only once the bundle has been downloaded and activated.
    decisionService.awaitReady("/health", STARTUP);
    executor.awaitReady("/q/metrics", STARTUP);
    for (String guest : List.of("hello", "log")) {
      Resp r = send("PUT", executor.url() + "/v1/modules/" + guest, Guests.wasm(guest), "application/wasm", null);
      assertEquals(200, r.status(), r.raw());
    }
    System.out.printf("e2e: bundles built, both services ready and guests uploaded after %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void undeploy() {
    for (JarProcess p : new JarProcess[] {executor, decisionService}) {
      if (p != null) {
        p.stop();
      }
    }
    for (AutoCloseable c : new AutoCloseable[] {bundles, collector}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // best effort
        }
      }
    }
  }

  @Test
  @Order(1)
  void enforce() {
    Resp ok = run("alice", "acme", "hello");
    assertEquals(200, ok.status(), ok.raw());
    assertEquals("ok", ok.body().path("status").asText());
    assertEquals("hello, world\n", ok.body().path("stdout").asText());
    JsonNode okEvent = event(ok);
    assertEquals("enforce", okEvent.path("mode").asText());
    assertTrue(okEvent.path("allowed").asBoolean());
    assertEquals("r1", okEvent.path("bundles").path("sandbox").path("revision").asText(), okEvent::toString);
    assertEquals("e2e", okEvent.path("labels").path("deployment").asText());
    assertEquals("alice", okEvent.path("input").path("subject").path("id").asText());
    assertEquals("owner", okEvent.path("result").path("trust").asText());
    r1Revision = okEvent.path("revision").asText();
    assertFalse(r1Revision.isEmpty());
    assertEquals(r1Revision, admin("GET", "/v1/admin/config", null).body().path("revision").asText());

    // Denied by the policy: a blocked subject never runs.
    Resp blocked = run("mallory", "acme", "hello");
    assertDenied(403, blocked, "subject mallory is blocked");
    JsonNode blockedEvent = event(blocked);
    assertEquals("enforce", blockedEvent.path("mode").asText());
    assertFalse(blockedEvent.path("allowed").asBoolean());
    assertFalse(blockedEvent.path("would_allow").asBoolean());

    // Allowed as untrusted, which grants no capability: the log guest's import is refused.
    Resp untrusted = run("dave", null, "log");
    assertDenied(403, untrusted, "host.log");
    assertEquals("untrusted", event(untrusted).path("result").path("trust").asText());

    assertAudited(ok, "ok");
    assertAudited(blocked, "denied");
    assertAudited(untrusted, "denied");
  }

  @Test
  @Order(2)
  void pathFlippedToDryRunAndBack() {
    Resp set = admin("PUT", "/v1/admin/modes/" + PATH, "{\"mode\": \"dry-run\"}");
    assertEquals(200, set.status(), set.raw());
    assertEquals("dry-run", set.body().path(PATH).asText(), set.raw());

    // What the policy denies now runs, and its record says it would have been denied.
    Resp dry = run("mallory", "acme", "hello");
    assertEquals(200, dry.status(), dry.raw());
    assertEquals("ok", dry.body().path("status").asText());
    assertEquals("hello, world\n", dry.body().path("stdout").asText());
    JsonNode dryEvent = event(dry);
    assertEquals("dry-run", dryEvent.path("mode").asText());
    assertEquals("path_mode", dryEvent.path("routing_reason").asText());
    assertTrue(dryEvent.path("allowed").asBoolean());
    assertFalse(dryEvent.path("would_allow").asBoolean());
    assertTrue(dryEvent.path("result").path("reasons").toString().contains("subject mallory is blocked"), dryEvent::toString);
    // Run anyway, it gets what the denial grants: the untrusted profile, not the executor's maximums.
    assertEquals(UNTRUSTED_LIMITS, assertAudited(dry, "ok").path("limits"));
    assertTrue(metric(decisionService, "verdict_dry_run_divergence_total", "path=\"" + PATH + "\"") >= 1);

    Resp back = admin("PUT", "/v1/admin/modes/" + PATH, "{\"mode\": \"enforce\"}");
    assertEquals("enforce", back.body().path(PATH).asText(), back.raw());
    Resp enforced = run("mallory", "acme", "hello");
    assertDenied(403, enforced, "subject mallory is blocked");
    assertEquals("enforce", event(enforced).path("mode").asText());
  }

  /**
   * The kill switch is Verdict's emergency stop for enforcement (DESIGN.md: it forces dry-run on
   * every path), not an emergency deny: while it is on, the runs the policy denies go ahead as
   * dry-run, and their records say why.
   */
  @Test
  @Order(3)
  void killSwitchOnAndOff() {
    Resp on = admin("PUT", "/v1/admin/kill-switch", "{\"enabled\": true}");
    assertEquals(200, on.status(), on.raw());
    assertEquals(1.0, metric(decisionService, "verdict_kill_switch", null));
    assertTrue(admin("GET", "/v1/admin/config", null).body().path("kill_switch").asBoolean());

    Resp killed = run("mallory", "acme", "hello");
    assertEquals(200, killed.status(), killed.raw());
    assertEquals("ok", killed.body().path("status").asText());
    JsonNode killedEvent = event(killed);
    assertEquals("dry-run", killedEvent.path("mode").asText());
    assertEquals("emergency_kill_switch", killedEvent.path("routing_reason").asText());
    assertFalse(killedEvent.path("would_allow").asBoolean());
    assertEquals(UNTRUSTED_LIMITS, assertAudited(killed, "ok").path("limits"));
    Resp alice = run("alice", "acme", "hello");
    assertEquals(200, alice.status(), alice.raw());
    JsonNode aliceEvent = event(alice);
    assertEquals("emergency_kill_switch", aliceEvent.path("routing_reason").asText());
    assertTrue(aliceEvent.path("would_allow").asBoolean());
    assertEquals(10_000_000_000L, assertAudited(alice, "ok").path("limits").path("fuel").asLong(), "alice keeps her owner profile");

    Resp off = admin("PUT", "/v1/admin/kill-switch", "{\"enabled\": false}");
    assertEquals(200, off.status(), off.raw());
    assertEquals(0.0, metric(decisionService, "verdict_kill_switch", null));
    Resp enforced = run("mallory", "acme", "hello");
    assertDenied(403, enforced, "subject mallory is blocked");
    JsonNode enforcedEvent = event(enforced);
    assertEquals("enforce", enforcedEvent.path("mode").asText());
    assertEquals("path_mode", enforcedEvent.path("routing_reason").asText());
  }

  @Test
  @Order(4)
  void aBrokenBundleLeavesTheServingRevisionInPlace() throws Exception {
    // The CLI refuses to build it at all ...
    Path brokenSources = copyOfSandboxPolicies("policies-broken");
    Path rego = brokenSources.resolve("execution.rego");
    Files.writeString(rego, Files.readString(rego) + "\nmember_of_tenant if {\n\tinput.subject.tenant in registered.tenants\n");
    Process refused = verdictBuild("broken", brokenSources);
    awaitExit(refused, "broken", 1);
    assertFalse(Files.exists(WORK.resolve("bundle-broken.tar.gz")));
    assertTrue(Files.readString(WORK.resolve("verdict-build-broken.log")).contains("rego_parse_error"));

    // ... so it comes from elsewhere: r1's archive with the broken file, published as r2.
    double failedBefore = metricOrZero(decisionService, "verdict_bundle_requests_total", "outcome=\"failed\"");
    double activations = metric(decisionService, "verdict_policy_activations_total", null);
    byte[] r1 = Files.readAllBytes(WORK.resolve("bundle-r1.tar.gz"));
    bundles.publish(rebuilt(r1, "r2", Map.of("/execution.rego", Files.readAllBytes(rego))));

    Resp status = await("/health?bundles reports the failed bundle", () -> get(decisionService.url() + "/health?bundles"),
        r -> r.status() == 500);
    JsonNode sandbox = status.body().path("bundles").path("sandbox");
    assertEquals("r1", sandbox.path("active_revision").asText(), status.raw());
    assertEquals("bundle_error", sandbox.path("code").asText(), status.raw());
    assertTrue(sandbox.path("errors").toString().contains("execution.rego"), status.raw());
    assertTrue(sandbox.path("errors").toString().contains("rego_parse_error"), status.raw());
    assertEquals(200, get(decisionService.url() + "/health").status(), "plain /health: still serving");
    assertEquals(1.0, metric(decisionService, "verdict_bundle_failing", "bundle=\"sandbox\""));
    assertTrue(metric(decisionService, "verdict_bundle_requests_total", "outcome=\"failed\"") > failedBefore);
    assertEquals(activations, metric(decisionService, "verdict_policy_activations_total", null), "r2 was never activated");
    assertEquals(r1Revision, admin("GET", "/v1/admin/config", null).body().path("revision").asText());

    // Decisions still come from r1.
    Resp ok = run("alice", "acme", "hello");
    assertEquals(200, ok.status(), ok.raw());
    JsonNode okEvent = event(ok);
    assertEquals(r1Revision, okEvent.path("revision").asText());
    assertEquals("r1", okEvent.path("bundles").path("sandbox").path("revision").asText());
    assertDenied(403, run("mallory", "acme", "hello"), "subject mallory is blocked");
    Resp dave = run("dave", null, "log");
    assertDenied(403, dave, "host.log");
    assertEquals("r1", event(dave).path("bundles").path("sandbox").path("revision").asText());
  }

  @Test
  @Order(5)
  void aGoodNewRevisionActivates() {
    double activatedBefore = metricOrZero(decisionService, "verdict_bundle_requests_total", "outcome=\"activated\"");
    bundles.publish(r3);
    Resp status = await("/health?bundles reports r3 active", () -> get(decisionService.url() + "/health?bundles"),
        r -> r.status() == 200);
    assertEquals("{}", status.body().toString());
    assertEquals(0.0, metric(decisionService, "verdict_bundle_failing", "bundle=\"sandbox\""));
    assertTrue(metric(decisionService, "verdict_bundle_requests_total", "outcome=\"activated\"") > activatedBefore);
    String r3Revision = admin("GET", "/v1/admin/config", null).body().path("revision").asText();
    assertNotEquals(r1Revision, r3Revision);

    // dave is trusted in r3: host.log is granted and the guest logs through it.
    Resp dave = run("dave", "acme", "log");
    assertEquals(200, dave.status(), dave.raw());
    assertEquals("ok", dave.body().path("status").asText());
    assertTrue(dave.body().path("stderr").asText().contains("hi from the guest"), dave.raw());
    JsonNode event = event(dave);
    assertEquals("r3", event.path("bundles").path("sandbox").path("revision").asText());
    assertEquals(r3Revision, event.path("revision").asText());
    assertEquals("trusted", event.path("result").path("trust").asText());
    assertAudited(dave, "ok");
    // And the polling settles: unchanged content is answered 304.
    int notModified = bundles.notModified.get();
    await("a 304 from the bundle server", () -> bundles.notModified.get(), n -> n > notModified);
  }

  @Test
  @Order(6)
  void withoutTheDecisionServiceNothingRuns() {
    decisionService.stop();
    assertFalse(decisionService.alive());
    Resp r = run("alice", "acme", "hello");
    assertDenied(503, r, "decision service");
    assertEquals("", r.body().path("stdout").asText());
    assertAudited(r, "denied");
    assertTrue(collector.problems.isEmpty(), collector.problems::toString);
  }

  // --- the parts: CLI, executor, decision service ---

  private static Path copyOfSandboxPolicies(String name) throws IOException {
    Path dir = Files.createDirectories(WORK.resolve(name));
    try (Stream<Path> files = Files.list(ROOT.resolve("policies/sandbox"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  /**
   * {@code bin/verdict build -o target/e2e/bundle-R.tar.gz --revision R --ignore '*_test.rego' DIR}
   * (as deploy/docker/bundle-server.Dockerfile builds bundles), output in verdict-build-R.log.
   */
  private static Process verdictBuild(String revision, Path sources) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("bin/verdict").toString(), "build",
        "-o", WORK.resolve("bundle-" + revision + ".tar.gz").toString(), "--revision", revision, "--ignore", "*_test.rego",
        sources.toString())
        .directory(ROOT.toFile())
        .redirectErrorStream(true)
        .redirectOutput(WORK.resolve("verdict-build-" + revision + ".log").toFile());
    // The JDK running this test runs the CLI too (bin/verdict takes JAVA_HOME first).
    Path java = Path.of(JarProcess.java());
    if (java.getParent() != null && java.getParent().getParent() != null) {
      pb.environment().put("JAVA_HOME", java.getParent().getParent().toString());
    }
    return pb.start();
  }

  private static void awaitExit(Process p, String revision, int expected) throws Exception {
    // bin/verdict builds the CLI first when its jar is stale: minutes, not seconds.
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("verdict build " + revision + " did not finish");
    }
    assertEquals(expected, p.exitValue(),
        "verdict build " + revision + ": " + Files.readString(WORK.resolve("verdict-build-" + revision + ".log")));
  }

  /** A bundle's entries with some replaced and the manifest's revision changed, written as the CLI writes bundles. */
  private static byte[] rebuilt(byte[] bundle, String revision, Map<String, byte[]> replaced) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    ObjectValue manifest = null;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(bundle)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        byte[] content = tar.readAllBytes();
        if (e.getName().equals("/.manifest")) {
          manifest = (ObjectValue) Json.parse(content);
        } else {
          files.put(e.getName(), content);
        }
      }
    }
    assertNotNull(manifest, "the CLI's bundle has a manifest");
    for (String name : replaced.keySet()) {
      assertTrue(files.containsKey(name), name + " in " + files.keySet());
    }
    files.putAll(replaced);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Bundle(manifest.toBuilder().put("revision", StringValue.of(revision)).build(), files).writeTarGz(out);
    return out.toByteArray();
  }

  private static Resp run(String subject, String tenant, String module) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", subject);
    if (tenant != null) {
      s.put("tenant", tenant);
    }
    try {
      byte[] body = JSON.writeValueAsBytes(Map.of("module", module, "subject", s));
      return send("POST", executor.url() + "/v1/executions", body, "application/json", null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Resp admin(String method, String path, String body) {
    Resp r = send(method, decisionService.url() + path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        "application/json", ADMIN);
    assertEquals(200, r.status(), method + " " + path + ": " + r.raw());
    return r;
  }

  private static Resp get(String url) {
    return send("GET", url, null, null, null);
  }

  private static void assertDenied(int status, Resp r, String reason) {
    assertEquals(status, r.status(), r.raw());
    assertEquals("denied", r.body().path("status").asText(), r.raw());
    assertTrue(r.body().path("reasons").toString().contains(reason), r.raw());
  }

  /** The decision-log event of an execution's decision, as the collector received it. */
  private static JsonNode event(Resp execution) {
    String id = execution.body().path("decision_id").asText();
    assertFalse(id.isEmpty(), execution.raw());
    JsonNode e = collector.await(id, WAIT);
    assertEquals(PATH, e.path("path").asText(), e::toString);
    return e;
  }

  /** The executor's audit line for an execution: same decision, same outcome. */
  private static JsonNode assertAudited(Resp execution, String status) {
    String id = execution.body().path("execution_id").asText();
    JsonNode record;
    try {
      record = Files.readAllLines(WORK.resolve("audit.jsonl")).stream().map(EndToEndIT::tree)
          .filter(n -> id.equals(n.path("execution_id").asText())).findFirst()
          .orElseThrow(() -> new AssertionError("no audit record for execution " + id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(status, record.path("status").asText(), record::toString);
    assertEquals(execution.body().path("decision_id").asText(""), record.path("decision_id").asText(""), record::toString);
    return record;
  }

  /** The value of a Prometheus sample whose labels contain {@code labels} (or that has none when null). */
  private static double metric(JarProcess service, String name, String labels) {
    Double v = sample(service, name, labels);
    assertNotNull(v, () -> "no sample " + name + "{" + labels + "}");
    return v;
  }

  private static double metricOrZero(JarProcess service, String name, String labels) {
    Double v = sample(service, name, labels);
    return v == null ? 0 : v;
  }

  private static Double sample(JarProcess service, String name, String labels) {
    String text = get(service.url() + "/q/metrics").raw();
    double sum = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      boolean match = labels == null ? line.startsWith(name + " ") : line.startsWith(name + "{") && line.contains(labels);
      if (match) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    return found ? sum : null;
  }

  // --- HTTP ---

  record Resp(int status, JsonNode body, String raw) {}

  private static Resp send(String method, String url, byte[] body, String type, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null && body != null) {
      b.header("Content-Type", type);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), tree(r.body()), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode tree(String text) {
    try {
      return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
    } catch (IOException notJson) {
      return JSON.missingNode();
    }
  }

  private interface Call<T> {
    T get();
  }

  private interface Check<T> {
    boolean ok(T value);
  }

  /** Repeats {@code call} until {@code ok} holds; fails after {@link #WAIT}. */
  private static <T> T await(String what, Call<T> call, Check<T> ok) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<T> last = new ArrayList<>(1);
    while (System.nanoTime() < deadline) {
      T v = call.get();
      if (ok.ok(v)) {
        return v;
      }
      last.clear();
      last.add(v);
      JarProcess.sleep(50);
    }
    throw new AssertionError("waited " + WAIT + " for " + what + "; last: " + last);
  }
}
