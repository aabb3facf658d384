package dev.verdict.builtins.http;

import dev.verdict.builtins.gotime.GoDuration;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** An http.send request object, read with OPA's rules and messages (createHTTPRequest & co). */
public record HttpSendOptions(
    String method, String url, byte[] body, Map<String, String> headers, Duration timeout,
    boolean enableRedirect, boolean tlsInsecureSkipVerify, Boolean tlsUseSystemCerts, String tlsCaCert,
    String tlsCaCertFile, String tlsCaCertEnv, String tlsClientCert, String tlsClientKey,
    String tlsClientCertFile, String tlsClientKeyFile, String tlsClientCertEnv, String tlsClientKeyEnv,
    String tlsServerName, int maxRetryAttempts, boolean forceJsonDecode, boolean forceYamlDecode,
    boolean cache, boolean forceCache, int forceCacheDurationSeconds) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Set<String> STRING_KEYS = Set.of("method", "url", "raw_body", "tls_ca_cert",
      "tls_ca_cert_file", "tls_ca_cert_env_variable", "tls_client_cert", "tls_client_cert_file",
      "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file", "tls_client_key_env_variable",
      "tls_server_name");

  /** A request object OPA would refuse; the message is OPA's. */
  public static final class InvalidRequest extends RuntimeException {
    public InvalidRequest(String message) {
      super(message, null, false, false);
    }
  }

  /** OPA's getRaiseErrorValue: true unless the request says otherwise. */
  public static boolean raiseError(ObjectValue req) {
    Value v = req.get("raise_error");
    if (v == null) {
      return true;
    }
    if (v instanceof BooleanValue b) {
      return b.value();
    }
    throw new InvalidRequest("invalid value for raise_error field");
  }

  public static HttpSendOptions parse(ObjectValue req, java.util.function.Function<Value, String> goJson) {
    String method = "";
    String url = "";
    byte[] body = null;
    byte[] rawBody = null;
    Map<String, String> headers = new LinkedHashMap<>();
    Duration timeout = DEFAULT_TIMEOUT;
    boolean enableRedirect = false;
    boolean insecure = false;
    Boolean systemCerts = null;
    String[] tls = new String[10];
    for (int i = 0; i < req.size(); i++) {
      String key = ((StringValue) req.key(i)).value();
      Value v = req.value(i);
      String str = null;
      if (v instanceof StringValue s) {
        str = s.value().replaceAll("^\"+|\"+$", "");
      } else if (STRING_KEYS.contains(key)) {
        throw new InvalidRequest("\"" + key + "\" must be a string");
      }
      switch (key) {
        case "method" -> method = str.toUpperCase(Locale.ROOT);
        case "url" -> url = str;
        case "enable_redirect" -> enableRedirect = parseBool(v);
        case "body" -> body = goJson.apply(v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        case "raw_body" -> rawBody = str.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        case "tls_use_system_certs" -> systemCerts = parseBool(v);
        case "tls_ca_cert" -> tls[0] = str;
        case "tls_ca_cert_file" -> tls[1] = str;
        case "tls_ca_cert_env_variable" -> tls[2] = str;
        case "tls_client_cert" -> tls[3] = str;
        case "tls_client_key" -> tls[4] = str;
        case "tls_client_cert_file" -> tls[5] = str;
        case "tls_client_key_file" -> tls[6] = str;
        case "tls_client_cert_env_variable" -> tls[7] = str;
        case "tls_client_key_env_variable" -> tls[8] = str;
        case "tls_server_name" -> tls[9] = str;
        case "headers" -> {
          if (!(v instanceof ObjectValue h)) {
            throw new InvalidRequest("invalid type for headers key");
          }
          for (int j = 0; j < h.size(); j++) {
            if (!(h.value(j) instanceof StringValue hv)) {
              throw new InvalidRequest("invalid type for headers value \"" + h.value(j) + "\"");
            }
            headers.put(canonicalHeaderKey(h.key(j) instanceof StringValue hk ? hk.value() : h.key(j).toString()),
                hv.value());
          }
        }
        case "tls_insecure_skip_verify" -> insecure = parseBool(v);
        case "timeout" -> timeout = parseTimeout(v);
        case "cache", "caching_mode", "force_cache", "force_cache_duration_seconds", "force_json_decode",
            "force_yaml_decode", "raise_error", "max_retry_attempts", "cache_ignored_headers" -> {}
        default -> throw new InvalidRequest("invalid parameter \"" + key + "\"");
      }
    }
    cachingMode(req);
    boolean forceCache = bool(req, "force_cache");
    int forceCacheSeconds = 0;
    if (forceCache) {
      Value d = req.get("force_cache_duration_seconds");
      if (d == null) {
        throw new InvalidRequest("'force_cache' set but 'force_cache_duration_seconds' parameter is missing");
      }
      try {
        forceCacheSeconds = Integer.parseInt(d.toString());
      } catch (NumberFormatException e) {
        throw new InvalidRequest("strconv.ParseInt: parsing " + d.toString() + ": invalid syntax");
      }
    }
    return new HttpSendOptions(method, url, rawBody != null ? rawBody : body != null ? body : new byte[0],
        headers, timeout, enableRedirect, insecure, systemCerts, tls[0], tls[1], tls[2], tls[3], tls[4], tls[5],
        tls[6], tls[7], tls[8], tls[9], retries(req), bool(req, "force_json_decode"),
        bool(req, "force_yaml_decode"), bool(req, "cache"), forceCache, forceCacheSeconds);
  }

  /** Go's strconv.ParseBool over the Rego text of the value. */
  private static boolean parseBool(Value v) {
    String text = v instanceof StringValue s ? s.toString() : v.toString();
    return switch (text) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> throw new InvalidRequest("strconv.ParseBool: parsing " + GoQuote.of(text) + ": invalid syntax");
    };
  }

  /** OPA's getBoolValFromReqObj. */
  static boolean bool(ObjectValue req, String key) {
    Value v = req.get(key);
    if (v == null) {
      return false;
    }
    if (v instanceof BooleanValue b) {
      return b.value();
    }
    throw new InvalidRequest("invalid value for \"" + key + "\" field");
  }

  private static int retries(ObjectValue req) {
    Value v = req.get("max_retry_attempts");
    if (v == null) {
      return 0;
    }
    if (v instanceof NumberValue n && n.isLong() && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE) {
      return (int) n.longValue();
    }
    throw new InvalidRequest("invalid value " + v + " for field \"max_retry_attempts\"");
  }

  private static void cachingMode(ObjectValue req) {
    Value v = req.get("caching_mode");
    if (v == null) {
      return;
    }
    if (!(v instanceof StringValue s)) {
      throw new InvalidRequest("invalid value for \"caching_mode\" field");
    }
    if (!s.value().equals("serialized") && !s.value().equals("deserialized")) {
      throw new InvalidRequest("invalid value specified for \"caching_mode\" field: " + s.value());
    }
  }

  /** A number of nanoseconds, or a string: nanoseconds without a unit, else a Go duration. */
  static Duration parseTimeout(Value v) {
    switch (v) {
      case NumberValue n -> {
        if (!n.isLong()) {
          throw new InvalidRequest("invalid timeout number value " + v + ", must be int64");
        }
        return Duration.ofNanos(n.longValue());
      }
      case StringValue s -> {
        try {
          return Duration.ofNanos(Long.parseLong(s.value()));
        } catch (NumberFormatException notPlain) {
          try {
            return Duration.ofNanos(GoDuration.parseNanos(s.value()));
          } catch (GoDuration.DurationException e) {
            throw new InvalidRequest("invalid timeout value " + v + ": " + e.getMessage());
          }
        }
      }
      default -> throw new InvalidRequest("operand 1 'timeout' must be one of {string, number} but got " + v.typeName());
    }
  }

  /** Go's http.CanonicalHeaderKey: "content-type" becomes "Content-Type". */
  static String canonicalHeaderKey(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean token = c == '-' || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\''
          || c == '*' || c == '+' || c == '.' || c == '^' || c == '_' || c == '`' || c == '|' || c == '~'
          || Character.isLetterOrDigit(c) && c < 0x80;
      if (!token) {
        return key; // Go leaves keys with invalid characters as they are
      }
    }
    StringBuilder b = new StringBuilder(key.length());
    boolean upper = true;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return b.toString();
  }

  /** OPA's cache key: the request without the headers it was told to ignore. */
  public static ObjectValue cacheKey(ObjectValue req) {
    ObjectValue.Builder key = req.toBuilder();
    Value ignored = req.get("cache_ignored_headers");
    if (ignored instanceof ArrayValue names && req.get("headers") instanceof ObjectValue headers) {
      ObjectValue.Builder kept = headers.toBuilder();
      for (Value name : names.asList()) {
        kept.remove(name);
      }
      key.put("headers", kept.build());
    } else if (ignored != null && !(ignored instanceof ArrayValue) && req.get("headers") != null) {
      throw new InvalidRequest("json: cannot unmarshal " + ignored.typeName() + " into Go value of type []string");
    }
    key.put("cache_ignored_headers", dev.verdict.value.NullValue.NULL);
    return key.build();
  }

  /** Go's strconv.Quote for the few messages that quote input. */
  static final class GoQuote {
    private GoQuote() {}

    static String of(String s) {
      return dev.verdict.value.Json.toJson(StringValue.of(s));
    }
  }
}
