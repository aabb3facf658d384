package dev.verdict.sandbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real decision service: decision-service's packaged jar as a process (the reactor builds it
 * before this module), serving policies/sandbox on a free port.
 */
public class DecisionServiceProcess implements QuarkusTestResourceLifecycleManager {

  private static final Path JAR = Path.of("../decision-service/target/quarkus-app/quarkus-run.jar");

  private Process process;

  @Override
  public Map<String, String> start() {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: build with ./mvnw -B -pl policy-dsl,decision-service,sandbox-executor verify");
    }
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      String java = ProcessHandle.current().info().command().orElse("java");
      process = new ProcessBuilder(List.of(java,
          "-Dquarkus.http.port=" + port,
          "-Dverdict.policies.dir=" + Path.of("../policies/sandbox").toAbsolutePath().normalize(),
          "-jar", JAR.toString()))
          .redirectErrorStream(true)
          .redirectOutput(Path.of("target/decision-service.log").toFile())
          .start();
      String url = "http://localhost:" + port;
      awaitHealthy(url);
      return Map.of("verdict.decision-service.url", url);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the decision service", e);
    }
  }

  private void awaitHealthy(String url) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notUpYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stop();
    throw new IllegalStateException("the decision service did not become healthy; see target/decision-service.log");
  }

  @Override
  public void stop() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
