package dev.verdict.service;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bundle server on a free port, started before the application: it serves whatever bundle the
 * test publishes under an ETag and answers 304 when the client's If-None-Match matches.
 */
public class BundleServer implements QuarkusTestResourceLifecycleManager {

  private record Published(byte[] body, String etag) {}

  private static volatile Published current = new Published(new byte[0], "\"none\"");
  static final AtomicInteger NOT_MODIFIED = new AtomicInteger();
  static final AtomicInteger SERVED = new AtomicInteger();
  private HttpServer server;

  static void publish(byte[] body, String etag) {
    current = new Published(body, "\"" + etag + "\"");
  }

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/bundles/app.tar.gz", exchange -> {
      Published p = current;
      if (p.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        NOT_MODIFIED.incrementAndGet();
        exchange.sendResponseHeaders(304, -1);
      } else {
        SERVED.incrementAndGet();
        exchange.getResponseHeaders().add("ETag", p.etag());
        exchange.sendResponseHeaders(200, p.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(p.body());
        }
      }
      exchange.close();
    });
    server.start();
    return Map.of(
        "verdict.bundles.app.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/bundles/app.tar.gz",
        "verdict.bundles.app.poll-interval", "100ms");
  }

  @Override
  public void stop() {
    server.stop(0);
  }
}
