package dev.verdict.service;

import com.sun.net.httpserver.HttpServer;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OPA-compatible decision-log collector on a free port (gzipped JSON arrays POSTed to /logs),
 * which a test can kill and start again on the same port; plus the file sink's configuration.
 */
public class LogCollector implements QuarkusTestResourceLifecycleManager {

  static final String FILE = "target/decision-log-test/decisions.log";
  static final List<ObjectValue> RECEIVED = new CopyOnWriteArrayList<>();
  private static HttpServer server;
  private static int port;

  @Override
  public Map<String, String> start() {
    try (var old = Files.list(Path.of(FILE).getParent())) {
      old.forEach(f -> f.toFile().delete());
    } catch (IOException none) {
      // First run: no directory yet.
    }
    up(0);
    port = server.getAddress().getPort();
    return Map.ofEntries(
        Map.entry("verdict.decision-logs.http.url", "http://127.0.0.1:" + port + "/logs"),
        Map.entry("verdict.decision-logs.http.batch-size", "5"),
        Map.entry("verdict.decision-logs.http.buffer-size", "10"),
        Map.entry("verdict.decision-logs.http.flush-interval", "100ms"),
        Map.entry("verdict.decision-logs.http.min-backoff", "20ms"),
        Map.entry("verdict.decision-logs.http.max-backoff", "200ms"),
        Map.entry("verdict.decision-logs.http.timeout", "1s"),
        Map.entry("verdict.decision-logs.file.path", FILE),
        Map.entry("verdict.decision-logs.file.max-size", "8K"),
        Map.entry("verdict.decision-logs.file.max-files", "20"),
        Map.entry("verdict.decision-logs.labels.app", "log-test"));
  }

  static synchronized void kill() {
    server.stop(0);
  }

  static synchronized void restart() {
    up(port);
  }

  private static void up(int at) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", at), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/logs", exchange -> {
      try (InputStream in = new GZIPInputStream(exchange.getRequestBody())) {
        ArrayValue batch = (ArrayValue) Json.parse(in.readAllBytes());
        batch.asList().forEach(v -> RECEIVED.add((ObjectValue) v));
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  @Override
  public void stop() {
    server.stop(0);
  }
}
