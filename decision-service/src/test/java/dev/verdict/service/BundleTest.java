package dev.verdict.service;

import static dev.verdict.service.Api.eventually;
import static dev.verdict.service.Api.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bundles from a server the test starts: activation, 304 on a matching ETag, and bundles that are
 * corrupt, do not compile or leave their roots, each leaving the last good revision serving and
 * showing in {@code /health?bundles} and the metrics.
 */
@QuarkusTest
@QuarkusTestResource(value = BundleServer.class, restrictToAnnotatedClass = true)
class BundleTest {

  private static final String POLICY = "package bundled\n\ngreeting := concat(\" \", [data.bundled.config.word, input.name])\n";

  private static byte[] bundle(String revision, String word, String policy) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(".manifest", "{\"revision\": \"" + revision + "\", \"roots\": [\"bundled\"]}");
    files.put("bundled/policy.rego", policy);
    files.put("bundled/config/data.json", "{\"word\": \"" + word + "\"}");
    return TarGzWriter.of(files);
  }

  private static void greets(String expected) {
    json("{\"input\": {\"name\": \"ann\"}}").post("/v1/data/bundled/greeting").then().statusCode(200).body("result", equalTo(expected));
  }

  @Test
  void servesBundlesAndKeepsTheLastGoodRevisionWhenANewOneFails() {
    BundleServer.publish(bundle("v1", "hello", POLICY), "v1");
    eventually(() -> given().get("/health?bundles").then().statusCode(200));
    greets("hello ann");
    // Unchanged bundle: the poller sends If-None-Match and the server answers 304.
    eventually(() -> assertTrue(BundleServer.NOT_MODIFIED.get() >= 2));
    eventually(() -> given().get("/metrics").then()
        .body(containsString("verdict_bundle_requests_total{bundle=\"app\",outcome=\"not_modified\",}"))
        .body(containsString("verdict_bundle_failing{bundle=\"app\",} 0.0")));

    BundleServer.publish("not a gzip at all".getBytes(StandardCharsets.UTF_8), "corrupt");
    eventually(() -> given().get("/health?bundles").then().statusCode(500)
        .body("bundles.app.code", equalTo("bundle_error"))
        .body("bundles.app.active_revision", equalTo("v1"))
        .body("bundles.app.errors[0]", containsString("not a valid tar.gz")));
    given().get("/health").then().statusCode(200);
    given().get("/metrics").then().body(containsString("verdict_bundle_failing{bundle=\"app\",} 1.0"));
    greets("hello ann");

    String broken = "package bundled\n\ngreeting := concat(\" \", [data.bundled.config.word, input.name]\n\nother := no_such_function(1)\n";
    BundleServer.publish(bundle("v2-broken", "hi", broken), "broken");
    eventually(() -> given().get("/health?bundles").then().statusCode(500)
        .body("bundles.app.errors[0]", containsString("app/bundled/policy.rego:")));
    greets("hello ann");

    Map<String, String> outside = new LinkedHashMap<>();
    outside.put(".manifest", "{\"revision\": \"v2-outside\", \"roots\": [\"bundled\"]}");
    outside.put("bundled/policy.rego", POLICY);
    outside.put("elsewhere/data.json", "{\"x\": 1}");
    BundleServer.publish(TarGzWriter.of(outside), "outside");
    eventually(() -> given().get("/health?bundles").then().statusCode(500)
        .body("bundles.app.errors[0]", containsString("do not permit data at path '/elsewhere'")));
    greets("hello ann");

    BundleServer.publish(bundle("v3", "hi", POLICY), "v3");
    eventually(() -> given().get("/health?bundles").then().statusCode(200));
    greets("hi ann");
    json("{\"input\": {}}").queryParam("provenance", "true").post("/v1/data/bundled/greeting").then()
        .body("provenance.bundles.app.revision", equalTo("v3"));
  }
}
