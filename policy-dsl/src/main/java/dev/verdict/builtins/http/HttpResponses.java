package dev.verdict.builtins.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The http.send response object and the HTTP caching rules OPA applies to it. */
public final class HttpResponses {

  /** RFC 7231 status codes cacheable by default; OPA caches only these. */
  public static final Set<Integer> CACHEABLE = Set.of(200, 203, 204, 206, 300, 301, 404, 405, 410, 414, 501);
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final Map<Integer, String> STATUS_TEXT = Map.ofEntries(
      Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"), Map.entry(200, "OK"),
      Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(203, "Non-Authoritative Information"),
      Map.entry(204, "No Content"), Map.entry(205, "Reset Content"), Map.entry(206, "Partial Content"),
      Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
      Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
      Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
      Map.entry(402, "Payment Required"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"),
      Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(411, "Length Required"),
      Map.entry(412, "Precondition Failed"), Map.entry(413, "Request Entity Too Large"),
      Map.entry(414, "Request URI Too Long"), Map.entry(415, "Unsupported Media Type"),
      Map.entry(418, "I'm a teapot"), Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private HttpResponses() {}

  /** Go's resp.Status: "200 OK". */
  static String status(int code) {
    String text = STATUS_TEXT.get(code);
    return text == null ? code + " " : code + " " + text;
  }

  /** OPA's prepareASTResult: body decoded as JSON or YAML when the type says so (null if it fails). */
  public static ObjectValue toValue(HttpSendTransport.Response r, boolean forceJson, boolean forceYaml) {
    String contentType = header(r.headers(), "content-type");
    Value body = NullValue.NULL;
    if (forceJson || isJson(contentType)) {
      body = decode(r.body(), false);
    } else if (forceYaml || contentType.contains("application/yaml") || contentType.contains("application/x-yaml")) {
      body = decode(r.body(), true);
    }
    ObjectValue.Builder headers = ObjectValue.builder();
    new TreeMap<>(r.headers()).forEach((name, values) -> {
      if (!name.startsWith(":")) {
        headers.put(name.toLowerCase(Locale.ROOT), ArrayValue.of(values.stream().map(v -> (Value) StringValue.of(v)).toList()));
      }
    });
    return ObjectValue.builder()
        .put("status", StringValue.of(status(r.statusCode())))
        .put("status_code", NumberValue.of(r.statusCode()))
        .put("body", body)
        .put("raw_body", StringValue.of(new String(r.body(), StandardCharsets.UTF_8)))
        .put("headers", headers.build())
        .build();
  }

  private static Value decode(byte[] body, boolean yaml) {
    try {
      if (yaml) {
        try (JsonParser p = YAML.createParser(body)) {
          return p.nextToken() == null ? NullValue.NULL : Json.read(p);
        }
      }
      return Json.parse(body);
    } catch (Exception e) {
      return NullValue.NULL;
    }
  }

  /** application/json or application/*+json, parameters ignored. */
  static boolean isJson(String contentType) {
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    String[] parts = media.split("/");
    return parts.length == 2 && parts[0].equals("application")
        && (parts[1].equals("json") || parts[1].endsWith("+json"));
  }

  public static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return "";
  }

  /** Cache-Control directives, as OPA splits them. */
  public static Map<String, String> cacheControl(Map<String, List<String>> headers) {
    Map<String, String> out = new TreeMap<>();
    for (String part : header(headers, "cache-control").split(",")) {
      part = part.trim();
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq >= 0) {
        String[] items = part.split("=");
        if (items.length == 2) {
          out.put(items[0].trim(), items[1]);
        }
      } else {
        out.put(part, "");
      }
    }
    return out;
  }

  public static boolean canStore(Map<String, List<String>> headers) {
    return !cacheControl(headers).containsKey("no-store");
  }

  /** Expiry from max-age (counted from the Date header) or Expires; the epoch when neither says. */
  public static Instant expiry(Map<String, List<String>> headers) {
    String maxAge = cacheControl(headers).get("max-age");
    if (maxAge != null) {
      long seconds;
      try {
        seconds = Math.min(Long.parseLong(maxAge), Integer.MAX_VALUE);
      } catch (NumberFormatException e) {
        return Instant.EPOCH;
      }
      Instant date = httpDate(header(headers, "date"));
      return date == null ? Instant.EPOCH : date.plusSeconds(seconds);
    }
    Instant expires = httpDate(header(headers, "expires"));
    return expires == null ? Instant.EPOCH : expires;
  }

  /** Go's http.ParseTime: RFC 1123 (and its relatives). */
  public static Instant httpDate(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
