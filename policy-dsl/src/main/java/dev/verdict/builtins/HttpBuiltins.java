package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.STRING;

import dev.verdict.builtins.http.HttpResponses;
import dev.verdict.builtins.http.HttpSendOptions;
import dev.verdict.builtins.http.HttpSendOptions.InvalidRequest;
import dev.verdict.builtins.http.HttpSendTransport;
import dev.verdict.builtins.http.HttpSendTransport.NetworkException;
import dev.verdict.builtins.http.InterQueryCache;
import dev.verdict.types.Type;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code http.send} with OPA's request and response objects, {@code raise_error}, and both of
 * OPA's caches: within a query (always) and across queries ({@code cache}, {@code force_cache}).
 */
public final class HttpBuiltins {

  private static final Type OBJECT = Type.objectOf(STRING, ANY);
  private static final String NETWORK_ERROR = "eval_http_send_network_error";
  private static final String INTERNAL_ERROR = "eval_http_send_internal_error";

  private HttpBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.nondeterministic("http.send", Signature.of(OBJECT, OBJECT), (ctx, a) -> send(ctx, Operands.object(a, 0)));
  }

  /** The within-query memo of one request: its response or its failure. */
  private static final class Outcome {
    Value value;
    RuntimeException error;
  }

  private static Value send(BuiltinContext ctx, ObjectValue obj) {
    boolean raise;
    try {
      raise = HttpSendOptions.raiseError(obj);
    } catch (InvalidRequest e) {
      throw BuiltinException.error(e.getMessage());
    }
    ObjectValue req;
    try {
      req = HttpRequests.validate(obj, 1);
    } catch (BuiltinException e) {
      if (raise) {
        throw e;
      }
      return errorResult(INTERNAL_ERROR, "http.send: " + e.getMessage());
    }
    try {
      return response(ctx, req);
    } catch (NetworkFailure e) {
      NetworkException cause = e.cause;
      if (!raise) {
        return errorResult(NETWORK_ERROR, cause.getMessage());
      }
      String message = cause.getMessage();
      if (cause.timeout()) {
        HttpSendOptions o = e.options;
        message = op(o) + " " + o.url() + ": request timed out";
      }
      throw BuiltinException.error(message);
    } catch (InvalidRequest e) {
      if (!raise) {
        return errorResult(INTERNAL_ERROR, e.getMessage());
      }
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static String op(HttpSendOptions o) {
    String m = o.method().isEmpty() ? "GET" : o.method();
    return m.charAt(0) + m.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  /** A network failure on its way out, with the request it concerned. */
  private static final class NetworkFailure extends RuntimeException {
    final NetworkException cause;
    final HttpSendOptions options;

    NetworkFailure(NetworkException cause, HttpSendOptions options) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
      this.options = options;
    }
  }

  private static Value errorResult(String code, String message) {
    return ObjectValue.builder()
        .put("status_code", NumberValue.ZERO)
        .put("error", ObjectValue.builder().put("code", StringValue.of(code))
            .put("message", StringValue.of(message)).build())
        .build();
  }

  private static Value response(BuiltinContext ctx, ObjectValue req) {
    ObjectValue key = HttpSendOptions.cacheKey(req);
    Outcome memo = ctx.queryCache(List.of("http.send", key), k -> new Outcome());
    if (memo.value != null) {
      return memo.value;
    }
    if (memo.error != null) {
      throw memo.error;
    }
    HttpSendOptions o = HttpSendOptions.parse(req, JwtBuiltins::goJson);
    ctx.checkLimits();
    try {
      boolean interQuery = o.cache() || o.forceCache();
      HttpSendTransport.Response r = interQuery ? interQuery(ctx, key, o) : fetch(o, Map.of());
      Value v = HttpResponses.toValue(r, o.forceJsonDecode(), o.forceYamlDecode());
      if (interQuery || HttpResponses.CACHEABLE.contains(r.statusCode())) {
        memo.value = v;
      }
      return v;
    } catch (NetworkFailure | InvalidRequest e) {
      memo.error = e;
      throw e;
    }
  }

  private static HttpSendTransport.Response fetch(HttpSendOptions o, Map<String, String> extraHeaders) {
    try {
      return HttpSendTransport.send(o, extraHeaders);
    } catch (NetworkException e) {
      throw new NetworkFailure(e, o);
    }
  }

  /** Fresh entries answer; stale ones are revalidated with their ETag / Last-Modified. */
  private static HttpSendTransport.Response interQuery(BuiltinContext ctx, ObjectValue key, HttpSendOptions o) {
    long ns = ctx.nowNanos();
    Instant now = Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
    InterQueryCache.Entry cached = InterQueryCache.get(key);
    if (cached != null) {
      if (now.isBefore(cached.expiresAt())) {
        return cached.response();
      }
      InterQueryCache.remove(key);
      Map<String, String> validators = new LinkedHashMap<>();
      String etag = header(cached.response(), "etag");
      String lastModified = header(cached.response(), "last-modified");
      if (!etag.isEmpty()) {
        validators.put("If-None-Match", etag);
      }
      if (!lastModified.isEmpty()) {
        validators.put("If-Modified-Since", lastModified);
      }
      if (!validators.isEmpty()) {
        HttpSendTransport.Response r = fetch(o, validators);
        if (r.statusCode() == 304) {
          Map<String, List<String>> headers = new LinkedHashMap<>(cached.response().headers());
          headers.putAll(r.headers());
          HttpSendTransport.Response refreshed =
              new HttpSendTransport.Response(cached.response().statusCode(), headers, cached.response().body());
          InterQueryCache.put(key, new InterQueryCache.Entry(refreshed, expiry(o, now, headers)));
          return refreshed;
        }
        if (r.statusCode() == 200) {
          store(key, o, now, r);
          return r;
        }
      }
    }
    HttpSendTransport.Response r = fetch(o, Map.of());
    store(key, o, now, r);
    return r;
  }

  private static void store(ObjectValue key, HttpSendOptions o, Instant now, HttpSendTransport.Response r) {
    boolean storable = o.forceCache() && o.forceCacheDurationSeconds() > 0 || HttpResponses.canStore(r.headers());
    if (storable && HttpResponses.CACHEABLE.contains(r.statusCode())) {
      InterQueryCache.put(key, new InterQueryCache.Entry(r, expiry(o, now, r.headers())));
    }
  }

  private static Instant expiry(HttpSendOptions o, Instant now, Map<String, List<String>> headers) {
    if (o.forceCache() && o.forceCacheDurationSeconds() > 0) {
      return now.plusSeconds(o.forceCacheDurationSeconds());
    }
    return HttpResponses.expiry(headers);
  }

  private static String header(HttpSendTransport.Response r, String name) {
    return HttpResponses.header(r.headers(), name);
  }
}
