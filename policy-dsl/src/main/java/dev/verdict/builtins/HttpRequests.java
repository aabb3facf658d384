package dev.verdict.builtins;

import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The request object shared by {@code http.send} and {@code providers.aws.sign_req}. */
final class HttpRequests {

  static final Set<String> ALLOWED_KEYS = Set.of(
      "method", "url", "body", "enable_redirect", "force_json_decode", "force_yaml_decode", "headers",
      "raw_body", "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable",
      "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key",
      "tls_client_key_file", "tls_client_key_env_variable", "tls_insecure_skip_verify", "tls_server_name",
      "timeout", "cache", "force_cache", "force_cache_duration_seconds", "raise_error", "caching_mode",
      "max_retry_attempts", "cache_ignored_headers");

  private HttpRequests() {}

  /** OPA's validateHTTPRequestOperand: only known keys, and method and url present. */
  static ObjectValue validate(Value operand, int pos) {
    if (!(operand instanceof ObjectValue req)) {
      throw BuiltinException.operandType(pos, "object", operand);
    }
    List<Value> invalid = new ArrayList<>();
    for (int i = 0; i < req.size(); i++) {
      if (!(req.key(i) instanceof StringValue k && ALLOWED_KEYS.contains(k.value()))) {
        invalid.add(req.key(i));
      }
    }
    if (!invalid.isEmpty()) {
      throw operandError(pos, "invalid request parameters(s): " + SetValue.of(invalid).toRego());
    }
    List<Value> missing = new ArrayList<>();
    for (String required : new String[] {"method", "url"}) {
      if (!req.containsKey(StringValue.of(required))) {
        missing.add(StringValue.of(required));
      }
    }
    if (!missing.isEmpty()) {
      throw operandError(pos, "missing required request parameters(s): " + SetValue.of(missing).toRego());
    }
    return req;
  }

  /** OPA's NewOperandErr: "operand N …", reported as a type error. */
  static BuiltinException operandError(int pos, String message) {
    return new BuiltinException(BuiltinException.Code.TYPE_ERROR, "operand " + pos + " " + message);
  }

  /** The body bytes: raw_body as given, else body as Go's JSON, else nothing. */
  static byte[] body(ObjectValue req) {
    Value raw = req.get("raw_body");
    if (raw != null) {
      return raw instanceof StringValue s ? CryptoBuiltins.utf8(s.value()) : new byte[0];
    }
    Value body = req.get("body");
    return body == null ? new byte[0] : CryptoBuiltins.utf8(JwtBuiltins.goJson(body));
  }
}
