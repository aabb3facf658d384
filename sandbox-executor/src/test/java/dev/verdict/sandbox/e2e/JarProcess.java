package dev.verdict.sandbox.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's packaged Quarkus jar run as a real process on a free loopback port, its output in a
 * log file; {@link #stop()} ends it and anything it started.
 */
final class JarProcess {

  private final String name;
  private final Path log;
  private final int port;
  private final Process process;

  private JarProcess(String name, Path log, int port, Process process) {
    this.name = name;
    this.log = log;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts {@code jar} with {@code -D} options ({@code key=value}) and environment variables; the
   * HTTP host and port are added.
   */
  static JarProcess start(String name, Path jar, Path logDir, List<String> options, Map<String, String> env) {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build with ./mvnw -B -pl policy-dsl,decision-service,sandbox-executor verify");
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(java(),
        "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
    options.forEach(o -> command.add("-D" + o));
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    Path log = logDir.resolve(name + ".log");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      // Only this test's configuration: none of the caller's VERDICT_* or QUARKUS_* variables.
      pb.environment().keySet().removeIf(k -> k.startsWith("VERDICT_") || k.startsWith("QUARKUS_"));
      pb.environment().putAll(env);
      Process p = pb.start();
      // Should the test JVM end without @AfterAll (killed by a timeout, Ctrl-C), the service goes too.
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
      return new JarProcess(name, log, port, p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** The java binary running this test: the same JDK runs the services and the CLI. */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Polls {@code GET path} until it answers 200; fails when the process exits or {@code within} passes. */
  JarProcess awaitReady(String path, Duration within) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return this;
        }
      } catch (IOException notUpYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not answer 200 on " + path + " within " + within + "; see " + log);
      }
      sleep(50);
    }
  }

  /** Ends the process and its descendants: politely first, forcibly after 10 s. */
  void stop() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle h : tree) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception stillThere) {
        h.destroyForcibly();
      }
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
