package dev.verdict.sandbox.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verdict.sandbox.limits.LimitRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Asks the decision service {@code POST /v1/decisions/{path}}: HTTP/1.1 with keep-alive (the JDK
 * client pools connections), a short timeout and a circuit breaker. Every failure is
 * {@link DecisionOutcome.Unavailable}: the caller fails closed.
 */
public final class DecisionClient {

  private final HttpClient http;
  private final ObjectMapper json;
  private final URI endpoint;
  private final Optional<String> token;
  private final Duration timeout;
  private final CircuitBreaker breaker;
  private final Consumer<String> onError;

  /** {@code onError} hears each failure's kind (for metrics). */
  public DecisionClient(ObjectMapper json, String baseUrl, String path, Optional<String> token, Duration timeout,
      int breakerFailures, Duration breakerOpenFor, Consumer<String> onError) {
    this.json = json;
    this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/decisions/" + path.replaceAll("^/+", ""));
    this.token = token;
    this.timeout = timeout;
    this.breaker = new CircuitBreaker(breakerFailures, breakerOpenFor);
    this.onError = onError;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  public DecisionOutcome decide(Object input) {
    if (!breaker.allows()) {
      onError.accept("breaker_open");
      return new DecisionOutcome.Unavailable("decision service unavailable (circuit breaker open)");
    }
    try {
      HttpRequest.Builder req = HttpRequest.newBuilder(endpoint)
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("input", input))));
      token.ifPresent(t -> req.header("Authorization", "Bearer " + t));
      HttpResponse<byte[]> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (resp.statusCode() != 200) {
        return fail("status", "decision service answered HTTP " + resp.statusCode());
      }
      DecisionOutcome outcome = parse(json.readTree(resp.body()));
      breaker.success();
      return outcome;
    } catch (HttpTimeoutException e) {
      return fail("timeout", "decision service timed out after " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return fail("unreachable", "decision service unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted", "interrupted while asking the decision service");
    }
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
}
