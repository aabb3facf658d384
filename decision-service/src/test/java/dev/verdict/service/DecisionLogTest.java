package dev.verdict.service;

import static dev.verdict.service.Api.WRITER;
import static dev.verdict.service.Api.as;
import static dev.verdict.service.Api.eventually;
import static dev.verdict.service.Api.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decision logs: OPA-format events, filtered by {@code data.system.log.drop} and masked by
 * {@code data.system.log.mask}, in a rotating file and at a collector; killing the collector never fails a decision, drops are counted, and events flow
 * again once it is back.
 */
@QuarkusTest
@QuarkusTestResource(value = LogCollector.class, restrictToAnnotatedClass = true)
class DecisionLogTest {

  private static final String LOG_RULES = """
      package system.log

      mask contains "/input/password"

      mask contains {"op": "upsert", "path": "/input/card", "value": "****"} if input.input.card

      drop if input.input.user == "carol"
      """;

  private static String decide(int i) {
    return json("{\"input\": {\"user\": \"alice\", \"i\": " + i + ", \"password\": \"s3cret\", \"card\": \"4111\"}}")
        .post("/v1/decisions/test/allow").then().statusCode(200).extract().path("decision_id");
  }

  @Test
  void eventsAreMaskedRotatedAndUploadedAndACollectorOutageOnlyDropsEvents() {
    as(WRITER).contentType("text/plain").body(LOG_RULES).put("/v1/policies/mask.rego").then().statusCode(200);
    List<String> droppedIds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      droppedIds.add(json("{\"input\": {\"user\": \"carol\", \"i\": " + i + "}}").post("/v1/decisions/test/allow").then()
          .statusCode(200).extract().path("decision_id"));
    }
    String firstId = decide(0);
    Set<String> ids = new HashSet<>(List.of(firstId));
    for (int i = 1; i < 40; i++) {
      ids.add(decide(i));
    }
    String dataId = json("{\"input\": {\"user\": \"bob\", \"password\": \"s3cret\"}}").post("/v1/data/test/allow").then()
        .statusCode(200).extract().path("decision_id");
    ids.add(dataId);

    eventually(() -> assertTrue(fileEvents().stream().map(e -> e.get("decision_id").toString()).toList()
        .containsAll(ids.stream().map(id -> "\"" + id + "\"").toList()), "every event in the file"));
    assertTrue(Files.exists(Path.of(LogCollector.FILE + ".1")), "rotated");
    // One writer, in order: once later events are in the file, the dropped ones were decided on.
    String fileText = fileEvents().stream().map(Json::toJson).reduce("", String::concat);
    droppedIds.forEach(id -> assertFalse(fileText.contains(id), "dropped by the drop rule: " + id));
    assertEquals(3.0, dropped("drop_rule"), "drops by the rule are counted");
    for (ObjectValue e : fileEvents()) {
      String line = Json.toJson(e);
      assertFalse(line.contains("s3cret"), line);
      assertTrue(line.contains("\"erased\":[\"/input/password\"]"), line);
      assertTrue(line.contains("\"labels\":{\"app\":\"log-test\",\"id\":"), line);
      assertTrue(e.containsKey(dev.verdict.value.StringValue.of("timestamp")), line);
      assertTrue(e.containsKey(dev.verdict.value.StringValue.of("metrics")), line);
    }
    String first = fileEvents().stream().map(Json::toJson).filter(l -> l.contains(firstId)).findFirst().orElseThrow();
    assertTrue(first.contains("\"path\":\"test/allow\"") && first.contains("\"mode\":\"enforce\""), first);
    assertTrue(first.contains("\"masked\":[\"/input/card\"]") && first.contains("\"card\":\"****\""), first);
    assertTrue(first.contains("\"would_allow\":true") && first.contains("\"routing_reason\":\"default_mode\""), first);
    assertTrue(first.contains("\"result\":true"), first);
    eventually(() -> assertTrue(receivedIds().containsAll(ids), "every event at the collector"));
    assertTrue(receivedIds().stream().noneMatch(droppedIds::contains), "dropped events never reach the collector");

    LogCollector.kill();
    long start = System.nanoTime();
    for (int i = 0; i < 60; i++) {
      decide(100 + i);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 10_000, "decisions went on while the collector was down: " + millis + " ms");
    eventually(() -> assertTrue(dropped("http") > 0, "drops counted"));
    assertEquals(0.0, dropped("queue"));

    LogCollector.restart();
    // The backlog goes first and the buffer may still be full for a moment: keep deciding until
    // events decided after the restart arrive.
    List<String> after = new ArrayList<>();
    eventually(() -> {
      after.add(decide(200 + after.size()));
      assertTrue(receivedIds().stream().anyMatch(after::contains), "events resume after the collector restarts");
    });
  }

  private static double dropped(String sink) {
    String metrics = given().get("/metrics").then().extract().asString();
    String prefix = "verdict_decision_logs_dropped_total{sink=\"" + sink + "\",} ";
    return metrics.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()))).sum();
  }

  private static Set<String> receivedIds() {
    Set<String> out = new HashSet<>();
    LogCollector.RECEIVED.forEach(e -> out.add(((dev.verdict.value.StringValue) e.get("decision_id")).value()));
    return out;
  }

  private static List<ObjectValue> fileEvents() {
    Path live = Path.of(LogCollector.FILE);
    try (Stream<Path> files = Files.list(live.getParent())) {
      List<ObjectValue> out = new ArrayList<>();
      for (Path f : files.toList()) {
        for (String line : Files.readAllLines(f)) {
          try {
            out.add((ObjectValue) Json.parse(line));
          } catch (Json.JsonException partial) {
            // The writer's buffer can end mid-line until it flushes.
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
