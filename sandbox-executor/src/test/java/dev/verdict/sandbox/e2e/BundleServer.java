package dev.verdict.sandbox.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OPA bundle server on a loopback port: serves the bundle last published under an ETag (the
 * SHA-256 of its bytes) and answers 304 when the client's {@code If-None-Match} names it.
 */
final class BundleServer implements AutoCloseable {

  static final String PATH = "/bundles/sandbox.tar.gz";

  private record Published(byte[] body, String etag) {}

  private final HttpServer server;
  private volatile Published current;
  final AtomicInteger served = new AtomicInteger();
  final AtomicInteger notModified = new AtomicInteger();

  BundleServer(byte[] first) {
    publish(first);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(PATH, exchange -> {
      try (exchange) {
        Published p = current;
        if (!exchange.getRequestMethod().equals("GET")) {
          exchange.sendResponseHeaders(405, -1);
        } else if (p.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          notModified.incrementAndGet();
          exchange.sendResponseHeaders(304, -1);
        } else {
          served.incrementAndGet();
          exchange.getResponseHeaders().add("ETag", p.etag());
          exchange.getResponseHeaders().add("Content-Type", "application/gzip");
          exchange.sendResponseHeaders(200, p.body().length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(p.body());
          }
        }
      }
    });
    server.start();
  }

  /** From now on, serves {@code bundle}. */
  void publish(byte[] bundle) {
    try {
      String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundle)) + "\"";
      current = new Published(bundle.clone(), etag);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
