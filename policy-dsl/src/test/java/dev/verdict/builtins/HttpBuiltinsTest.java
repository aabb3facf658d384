package dev.verdict.builtins;

import static dev.verdict.builtins.BuiltinCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.verdict.builtins.BuiltinException.Code;
import dev.verdict.builtins.http.InterQueryCache;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** http.send against a server on the loopback interface that this test starts and stops. */
class HttpBuiltinsTest {

  private static HttpServer server;
  private static String base;
  private static final AtomicInteger HITS = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/json", ex -> {
      HITS.incrementAndGet();
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.getResponseHeaders().add("X-Multi", "a");
      ex.getResponseHeaders().add("X-Multi", "b");
      reply(ex, 200, "{\"hello\": \"world\"}");
    });
    server.createContext("/echo", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      String custom = String.valueOf(ex.getRequestHeaders().getFirst("X-Custom"));
      reply(ex, 201, "{\"method\": \"" + ex.getRequestMethod() + "\", \"body\": " + (body.isEmpty() ? "null" : body)
          + ", \"custom\": \"" + custom + "\"}");
    });
    server.createContext("/text", ex -> reply(ex, 200, "[1, 2]"));
    server.createContext("/yaml", ex -> {
      ex.getResponseHeaders().add("Content-Type", "application/yaml");
      reply(ex, 200, "a: 1\nb: [x, y]\n");
    });
    server.createContext("/slow", ex -> {
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply(ex, 200, "late");
    });
    server.createContext("/redirect", ex -> {
      ex.getResponseHeaders().add("Location", "/json");
      reply(ex, 302, "");
    });
    server.createContext("/etag", ex -> {
      HITS.incrementAndGet();
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      ex.getResponseHeaders().add("Cache-Control", "max-age=0");
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      reply(ex, 200, "fresh");
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @BeforeEach
  void reset() {
    HITS.set(0);
    InterQueryCache.clear();
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  private static Value req(String jsonObject) {
    return json(jsonObject.replace("BASE", base));
  }

  private static ObjectValue send(BuiltinCalls b, String request) {
    return (ObjectValue) b.call("http.send", req(request));
  }

  @Test
  void getJson() {
    ObjectValue r = send(new BuiltinCalls(), "{\"method\": \"get\", \"url\": \"BASE/json\"}");
    assertEquals(json("200"), r.get("status_code"));
    assertEquals(StringValue.of("200 OK"), r.get("status"));
    assertEquals(json("{\"hello\": \"world\"}"), r.get("body"));
    assertEquals(StringValue.of("{\"hello\": \"world\"}"), r.get("raw_body"));
    assertEquals(json("[\"a\", \"b\"]"), ((ObjectValue) r.get("headers")).get("x-multi"));
    assertEquals(json("[\"application/json\"]"), ((ObjectValue) r.get("headers")).get("content-type"));
  }

  @Test
  void postBodyAndHeaders() {
    ObjectValue r = send(new BuiltinCalls(),
        "{\"method\": \"post\", \"url\": \"BASE/echo\", \"body\": {\"x\": [1, 2]}, \"headers\": {\"x-custom\": \"yes\"}}");
    assertEquals(json("201"), r.get("status_code"));
    assertEquals(json("{\"method\": \"POST\", \"body\": {\"x\": [1, 2]}, \"custom\": \"yes\"}"), r.get("body"));
    r = send(new BuiltinCalls(), "{\"method\": \"PUT\", \"url\": \"BASE/echo\", \"raw_body\": \"{\\\"r\\\": true}\"}");
    assertEquals(json("{\"method\": \"PUT\", \"body\": {\"r\": true}, \"custom\": \"null\"}"), r.get("body"));
  }

  @Test
  void decoding() {
    assertEquals(json("null"), send(new BuiltinCalls(), "{\"method\": \"get\", \"url\": \"BASE/text\"}").get("body"));
    assertEquals(json("[1, 2]"), send(new BuiltinCalls(),
        "{\"method\": \"get\", \"url\": \"BASE/text\", \"force_json_decode\": true}").get("body"));
    assertEquals(json("{\"a\": 1, \"b\": [\"x\", \"y\"]}"),
        send(new BuiltinCalls(), "{\"method\": \"get\", \"url\": \"BASE/yaml\"}").get("body"));
  }

  @Test
  void networkErrors() {
    String refused = "{\"method\": \"get\", \"url\": \"http://127.0.0.1:1/x\", \"raise_error\": false}";
    ObjectValue r = send(new BuiltinCalls(), refused);
    assertEquals(json("0"), r.get("status_code"));
    ObjectValue error = (ObjectValue) r.get("error");
    assertEquals(StringValue.of("eval_http_send_network_error"), error.get("code"));
    assertTrue(((StringValue) error.get("message")).value().startsWith("Get \"http://127.0.0.1:1/x\": "));
    new BuiltinCalls().assertError(Code.BUILTIN_ERROR, "Get \"http://127.0.0.1:1/x\": ", "http.send",
        req("{\"method\": \"get\", \"url\": \"http://127.0.0.1:1/x\"}"));
  }

  @Test
  void timeouts() {
    new BuiltinCalls().assertError(Code.BUILTIN_ERROR, "Get " + base + "/slow: request timed out", "http.send",
        req("{\"method\": \"get\", \"url\": \"BASE/slow\", \"timeout\": \"200ms\"}"));
  }

  @Test
  void invalidRequests() {
    new BuiltinCalls().assertError(Code.TYPE_ERROR, "operand 1 invalid request parameters(s): {\"foo\"}", "http.send",
        req("{\"method\": \"get\", \"url\": \"BASE/json\", \"foo\": 1}"));
    new BuiltinCalls().assertError(Code.TYPE_ERROR, "operand 1 missing required request parameters(s): {\"url\"}",
        "http.send", req("{\"method\": \"get\"}"));
    ObjectValue r = send(new BuiltinCalls(), "{\"method\": \"get\", \"raise_error\": false}");
    assertEquals(StringValue.of("eval_http_send_internal_error"), ((ObjectValue) r.get("error")).get("code"));
    new BuiltinCalls().assertError(Code.BUILTIN_ERROR, "invalid value for raise_error field", "http.send",
        req("{\"method\": \"get\", \"url\": \"BASE/json\", \"raise_error\": \"no\"}"));
  }

  @Test
  void redirectsOnlyWhenEnabled() {
    assertEquals(json("302"), send(new BuiltinCalls(), "{\"method\": \"get\", \"url\": \"BASE/redirect\"}").get("status_code"));
    assertEquals(json("200"), send(new BuiltinCalls(),
        "{\"method\": \"get\", \"url\": \"BASE/redirect\", \"enable_redirect\": true}").get("status_code"));
  }

  @Test
  void oneRequestPerQuery() {
    BuiltinCalls query = new BuiltinCalls();
    send(query, "{\"method\": \"get\", \"url\": \"BASE/json\"}");
    send(query, "{\"method\": \"get\", \"url\": \"BASE/json\"}");
    assertEquals(1, HITS.get());
    send(new BuiltinCalls(), "{\"method\": \"get\", \"url\": \"BASE/json\"}");
    assertEquals(2, HITS.get());
  }

  @Test
  void ignoredHeadersShareTheCacheEntry() {
    BuiltinCalls query = new BuiltinCalls();
    send(query, "{\"method\": \"get\", \"url\": \"BASE/json\", \"headers\": {\"x-req\": \"1\"}, \"cache_ignored_headers\": [\"x-req\"]}");
    send(query, "{\"method\": \"get\", \"url\": \"BASE/json\", \"headers\": {\"x-req\": \"2\"}, \"cache_ignored_headers\": [\"x-req\"]}");
    assertEquals(1, HITS.get());
  }

  @Test
  void forceCacheAcrossQueries() {
    String request = "{\"method\": \"get\", \"url\": \"BASE/json\", \"force_cache\": true, \"force_cache_duration_seconds\": 60}";
    send(new BuiltinCalls(), request);
    send(new BuiltinCalls(), request);
    assertEquals(1, HITS.get());
    long later = 1_700_000_000_000_000_000L + 61_000_000_000L;
    send(new BuiltinCalls(later, Map.of()), request);
    assertEquals(2, HITS.get());
    new BuiltinCalls().assertError(Code.BUILTIN_ERROR, "'force_cache' set but 'force_cache_duration_seconds' parameter is missing",
        "http.send", req("{\"method\": \"get\", \"url\": \"BASE/json\", \"force_cache\": true}"));
  }

  @Test
  void staleEntriesAreRevalidated() {
    String request = "{\"method\": \"get\", \"url\": \"BASE/etag\", \"cache\": true}";
    // the server dates its responses by the wall clock; max-age=0 makes them stale at once
    long now = System.currentTimeMillis() * 1_000_000L + 1_000_000_000L;
    assertEquals(StringValue.of("fresh"), send(new BuiltinCalls(now, Map.of()), request).get("raw_body"));
    ObjectValue again = send(new BuiltinCalls(now, Map.of()), request);
    assertEquals(2, HITS.get());
    assertEquals(StringValue.of("fresh"), again.get("raw_body"));
    assertEquals(json("200"), again.get("status_code"));
  }

  @Test
  void runtime() {
    BuiltinCalls b = new BuiltinCalls(0, Map.of("version", "1.0", "env", Map.of("HOME", "/root"), "n", 3));
    assertEquals(json("{\"version\": \"1.0\", \"env\": {\"HOME\": \"/root\"}, \"n\": 3}"), b.call("opa.runtime"));
  }
}
