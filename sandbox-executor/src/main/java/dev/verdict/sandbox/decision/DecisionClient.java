package dev.verdict.sandbox.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verdict.sandbox.limits.LimitRequest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Asks the decision service {@code POST /v1/decisions/{path}}: HTTP/1.1 with pooled keep-alive
 * connections on Vert.x's event loops (the request's own loop when asked from one, so a decision
 * costs no thread hand-off), a timeout on the whole round trip and a circuit breaker. Every failure
 * is {@link DecisionOutcome.Unavailable}: the caller fails closed.
 */
public final class DecisionClient implements AutoCloseable {

  private final HttpClient http;
  private final ObjectMapper json;
  private final String base;
  private final String endpoint;
  private final Optional<String> token;
  private final Duration timeout;
  private final CircuitBreaker breaker;
  private final Consumer<String> onError;

  /** {@code onError} hears each failure's kind (for metrics). */
  public DecisionClient(Vertx vertx, ObjectMapper json, String baseUrl, String path, Optional<String> token,
      Duration timeout, int breakerFailures, Duration breakerOpenFor, Consumer<String> onError) {
    this.json = json;
    this.base = baseUrl.replaceAll("/+$", "");
    this.endpoint = base + "/v1/decisions/" + path.replaceAll("^/+", "");
    this.token = token;
    this.timeout = timeout;
    this.breaker = new CircuitBreaker(breakerFailures, breakerOpenFor);
    this.onError = onError;
    this.http = vertx.createHttpClient(new HttpClientOptions()
        .setProtocolVersion(HttpVersion.HTTP_1_1)
        .setKeepAlive(true)
        .setMaxPoolSize(64)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
  }

  /**
   * Opens a pooled connection with {@code GET /health} (answer ignored, breaker untouched), so that
   * the first decision after start does not also pay for connecting and loading the client.
   */
  public CompletableFuture<Integer> connect() {
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(base + "/health")
            .setIdleTimeout(timeout.toMillis()))
        .compose(r -> r.send())
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .toCompletionStage()
        .toCompletableFuture()
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(e -> -1);
  }

  /** The outcome, never failed; completes on an event loop (or the timer thread on a timeout). */
  public CompletableFuture<DecisionOutcome> decide(Object input) {
    if (!breaker.allows()) {
      onError.accept("breaker_open");
      return CompletableFuture.completedFuture(new DecisionOutcome.Unavailable("decision service unavailable (circuit breaker open)"));
    }
    Buffer body;
    try {
      body = Buffer.buffer(json.writeValueAsBytes(Map.of("input", input)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("decision input not serialisable", e);
    }
    RequestOptions req = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(endpoint)
        .setIdleTimeout(timeout.toMillis())
        .putHeader("Content-Type", "application/json");
    token.ifPresent(t -> req.putHeader("Authorization", "Bearer " + t));
    return http.request(req)
        .compose(r -> r.send(body))
        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b)))
        .toCompletionStage()
        .toCompletableFuture()
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle(this::outcome);
  }

  private record Answer(int status, Buffer body) {}

  private DecisionOutcome outcome(Answer a, Throwable err) {
    if (err instanceof CompletionException && err.getCause() != null) {
      err = err.getCause();
    }
    if (err != null) {
      return isTimeout(err)
          ? fail("timeout", "decision service timed out after " + timeout.toMillis() + " ms")
          : fail("unreachable", "decision service unreachable: " + err.getClass().getSimpleName());
    }
    if (a.status() != 200) {
      return fail("status", "decision service answered HTTP " + a.status());
    }
    try {
      DecisionOutcome outcome = parse(json.readTree(a.body().getBytes()));
      breaker.success();
      return outcome;
    } catch (IOException e) {
      return fail("unreadable", "decision service answered unreadable JSON: " + e.getClass().getSimpleName());
    }
  }

  private static boolean isTimeout(Throwable err) {
    return err instanceof TimeoutException || err.getClass().getSimpleName().contains("Timeout");
  }

  private DecisionOutcome fail(String kind, String reason) {
    breaker.failure();
    onError.accept(kind);
    return new DecisionOutcome.Unavailable(reason);
  }

  private static DecisionOutcome parse(JsonNode body) {
    String id = body.path("decision_id").asText(null);
    List<String> reasons = strings(body.path("reasons"));
    if (!body.path("allowed").asBoolean(false)) {
      return new DecisionOutcome.Denied(id, reasons);
    }
    JsonNode result = body.path("result");
    JsonNode l = result.path("limits");
    LimitRequest limits = new LimitRequest(number(l, "fuel"), number(l, "timeout_ms"), number(l, "memory_pages"),
        number(l, "output_bytes"));
    return new DecisionOutcome.Granted(id, strings(result.path("capabilities")), limits, reasons);
  }

  private static Long number(JsonNode obj, String field) {
    JsonNode n = obj.path(field);
    return n.isNumber() ? n.asLong() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  @Override
  public void close() {
    http.close();
  }
}
