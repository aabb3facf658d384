package dev.verdict.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as a real process: it starts on a policy directory, serves it, and serves a new
 * revision after a file changes on disk; a broken file leaves the last good revision serving.
 */
class JarReloadIT {

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process server;
  private String base;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor();
    }
  }

  @Test
  void servesTheNewRevisionAfterAFileChanges() throws Exception {
    Path policy = dir.resolve("live.rego");
    Files.writeString(policy, "package live\n\nversion := \"one\"\n\nallow if input.user == \"alice\"\n");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://localhost:" + port;
    String java = ProcessHandle.current().info().command().orElse("java");
    long start = System.nanoTime();
    server = new ProcessBuilder(List.of(java,
        "-Dquarkus.http.port=" + port,
        "-Dverdict.policies.dir=" + dir,
        "-Dverdict.policies.poll-interval=100ms",
        "-Dverdict.auth.required=true",
        "-Dverdict.auth.tokens.app.secret=app-secret",
        "-Dverdict.auth.tokens.app.scopes=decide",
        "-jar", "target/quarkus-app/quarkus-run.jar"))
        .redirectErrorStream(true)
        .redirectOutput(Path.of("target/jar-reload-it.log").toFile())
        .start();
    await("/health", r -> r.statusCode() == 200);
    long startupMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("jar answered /health after " + startupMillis + " ms");
    // Generous bound: the machine is shared; the README quotes the measured figure.
    assertTrue(startupMillis < 10_000, "started in " + startupMillis + " ms");

    assertEquals(401, get("/v1/data/live/version", null).statusCode());
    assertTrue(get("/v1/data/live/version", "app-secret").body().contains("\"result\":\"one\""));
    String before = decisionRevision();

    Files.writeString(policy, "package live\n\nversion := \"two\"\n\nallow if input.user == \"alice\"\n");
    HttpResponse<String> two = await("/v1/data/live/version", r -> r.body().contains("\"result\":\"two\""));
    assertEquals(200, two.statusCode());
    assertNotEquals(before, decisionRevision());

    Files.writeString(policy, "package live\n\nversion := \n");
    await("/health?bundles", r -> r.statusCode() == 500);
    assertTrue(get("/health?bundles", null).body().contains("live.rego"));
    assertTrue(get("/v1/data/live/version", "app-secret").body().contains("\"result\":\"two\""));
    assertEquals(200, get("/health", null).statusCode());
  }

  private String decisionRevision() throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/decisions/live/allow"))
        .header("Authorization", "Bearer app-secret")
        .POST(HttpRequest.BodyPublishers.ofString("{\"input\": {\"user\": \"alice\"}}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"allowed\":true"), r.body());
    return r.body().replaceAll(".*\"revision\":\"([^\"]+)\".*", "$1");
  }

  private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Polls until {@code ok} holds, for at most 15 s. */
  private HttpResponse<String> await(String path, Predicate<HttpResponse<String>> ok) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        HttpResponse<String> r = get(path, "app-secret");
        if (ok.test(r)) {
          return r;
        }
      } catch (IOException notUpYet) {
        // The server is still starting.
      }
      if (System.nanoTime() > deadline || !server.isAlive()) {
        throw new AssertionError(path + " never answered as expected; see target/jar-reload-it.log");
      }
      Thread.sleep(50);
    }
  }
}
