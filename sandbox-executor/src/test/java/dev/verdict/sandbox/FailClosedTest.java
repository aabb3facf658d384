package dev.verdict.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No decision service listening: every execution is denied with 503, and nothing runs. The answer
 * comes within the client's 500 ms timeout; the bound checked here is looser so that a loaded CI
 * machine does not fail it, while a client waiting on a default timeout (tens of seconds) would.
 */
@QuarkusTest
@TestProfile(FailClosedTest.NoDecisionService.class)
class FailClosedTest {

  public static class NoDecisionService implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      return Map.of("verdict.decision-service.url", "http://127.0.0.1:" + port, "verdict.decision-service.breaker-failures", "2");
    }
  }

  @Test
  void unreachableDecisionServiceDeniesWithin1s() {
    given().contentType("application/wasm").body(Guests.wasm("hello")).put("/v1/modules/hello").then().statusCode(200);
    for (int i = 0; i < 4; i++) {
      long start = System.nanoTime();
      given().contentType("application/json").body(Map.of("module", "hello", "subject", Map.of("id", "alice")))
          .post("/v1/executions").then()
          .statusCode(503)
          .body("status", equalTo("denied"))
          .body("stdout", equalTo(""))
          .body("reasons[0]", containsString("decision service"));
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 3_000, "answered after " + ms + " ms");
    }
    String metrics = given().get("/q/metrics").then().extract().asString();
    assertTrue(metrics.contains("verdict_sandbox_decision_errors_total{kind=\"breaker_open\"}"), metrics);
  }
}
