package dev.verdict.sandbox.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OPA-compatible decision-log collector on a loopback port: takes the gzipped JSON arrays the
 * decision service POSTs, keeps every event, and writes them to a JSON-lines file for debugging.
 */
final class LogCollector implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Path file;
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  /** Anything wrong with an upload (not gzip, not an array): the test fails on it. */
  final List<String> problems = new CopyOnWriteArrayList<>();

  LogCollector(Path file) {
    this.file = file;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/logs", exchange -> {
      try (exchange) {
        if (!"gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
          problems.add("upload without Content-Encoding: gzip");
        }
        JsonNode batch;
        try (InputStream in = new GZIPInputStream(exchange.getRequestBody())) {
          batch = JSON.readTree(in);
        } catch (IOException e) {
          problems.add("unreadable upload: " + e);
          exchange.sendResponseHeaders(400, -1);
          return;
        }
        if (!batch.isArray()) {
          problems.add("upload is not a JSON array: " + batch);
        }
        batch.forEach(events::add);
        append(batch);
        exchange.sendResponseHeaders(204, -1);
      }
    });
    server.start();
  }

  private synchronized void append(JsonNode batch) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
      for (JsonNode e : batch) {
        w.write(e.toString());
        w.write('\n');
      }
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/logs";
  }

  List<JsonNode> events() {
    return List.copyOf(events);
  }

  /** The event of one decision, waiting for it to arrive for at most {@code within}. */
  JsonNode await(String decisionId, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Optional<JsonNode> e = events.stream().filter(n -> decisionId.equals(n.path("decision_id").asText())).findFirst();
      if (e.isPresent()) {
        return e.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no decision-log event for decision " + decisionId + " within " + within + "; received "
            + events.size() + " events (" + file + ")");
      }
      JarProcess.sleep(20);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
