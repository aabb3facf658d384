package dev.verdict.builtins;

import static dev.verdict.types.Type.NUMBER;
import static dev.verdict.types.Type.STRING;

import dev.verdict.builtins.gotime.GoLayout;
import dev.verdict.types.Type;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code providers.aws.sign_req}: AWS Signature Version 4, byte for byte as OPA computes it. */
public final class AwsBuiltins {

  private static final Type OBJECT = Type.objectOf(STRING, Type.ANY);
  private static final List<String> REQUIRED_CONFIG =
      List.of("aws_access_key", "aws_region", "aws_secret_access_key", "aws_service");
  /** Headers a proxy may change, left out of the signature (as the AWS SDK does). */
  private static final Set<String> IGNORED_HEADERS = Set.of("authorization", "user-agent", "x-amzn-trace-id");

  private AwsBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.function("providers.aws.sign_req", Signature.of(OBJECT, OBJECT, OBJECT, NUMBER), (ctx, a) -> signReq(a));
  }

  private static Value signReq(Value[] a) {
    ObjectValue req = Operands.object(a, 0);
    if (!(a[1] instanceof ObjectValue config)) {
      throw BuiltinException.operandType(1, "object", a[1]); // OPA names operand 1 here
    }
    validateConfig(config);
    if (!(a[2] instanceof NumberValue ns)) {
      throw BuiltinException.operandType(1, "number", a[2]);
    }
    // OPA rejects what is not an int64 literal ("-1e9"); exact numbers lose the spelling, so the
    // negative timestamps such a literal usually denotes are refused instead
    if (!ns.isLong() || ns.signum() < 0) {
      throw HttpRequests.operandError(3, "could not convert time_ns value into a unix timestamp");
    }
    HttpRequests.validate(req, 1);
    Value headersValue = req.get("headers");
    ObjectValue headers = ObjectValue.EMPTY;
    if (headersValue != null) {
      if (!(headersValue instanceof ObjectValue h)) {
        throw BuiltinException.operandType(0, "object", headersValue);
      }
      headers = h;
    }
    List<Value> invalid = new ArrayList<>();
    if (!(req.get("url") instanceof StringValue)) {
      invalid.add(StringValue.of("url"));
    }
    if (!(req.get("method") instanceof StringValue)) {
      invalid.add(StringValue.of("method"));
    }
    if (!invalid.isEmpty()) {
      throw HttpRequests.operandError(1, "invalid values for required request parameters(s): "
          + SetValue.of(invalid).toRego());
    }
    URI url;
    try {
      url = new URI(((StringValue) req.get("url")).value());
    } catch (URISyntaxException e) {
      throw BuiltinException.error("parse " + dev.verdict.builtins.gotime.GoTimeParser.quote(((StringValue) req.get("url")).value()) + ": " + e.getReason());
    }
    boolean unsignedPayload = false;
    Value disable = config.get("disable_payload_signing");
    if (disable != null) {
      if (!(disable instanceof BooleanValue b)) {
        throw HttpRequests.operandError(2, "invalid value for 'disable_payload_signing' in AWS config");
      }
      unsignedPayload = b.value();
    }
    Map<String, String> requestHeaders = new TreeMap<>();
    for (int i = 0; i < headers.size(); i++) {
      requestHeaders.put(text(headers.key(i)), text(headers.value(i)));
    }
    Signed signed = sign(new Request(((StringValue) req.get("method")).value(), url, HttpRequests.body(req),
        requestHeaders), credentials(config), Instant.ofEpochSecond(0, ns.longValue()), unsignedPayload);
    ObjectValue.Builder out = ObjectValue.builder();
    requestHeaders.forEach((k, v) -> out.put(k, StringValue.of(v)));
    out.put("Authorization", StringValue.of(signed.authorization()));
    signed.awsHeaders().forEach((k, v) -> out.put(k, StringValue.of(v)));
    return req.toBuilder().put("headers", out.build()).build();
  }

  private static void validateConfig(ObjectValue config) {
    List<Value> missing = new ArrayList<>();
    List<Value> invalid = new ArrayList<>();
    for (String key : REQUIRED_CONFIG) {
      Value v = config.get(key);
      if (v == null) {
        missing.add(StringValue.of(key));
      } else if (!(v instanceof StringValue)) {
        invalid.add(StringValue.of(key));
      }
    }
    if (!missing.isEmpty()) {
      throw HttpRequests.operandError(2, "missing required AWS config parameters(s): " + SetValue.of(missing).toRego());
    }
    if (!invalid.isEmpty()) {
      throw HttpRequests.operandError(2, "invalid values for required AWS config parameters(s): "
          + SetValue.of(invalid).toRego());
    }
  }

  /** Go's stringFromTerm: the string, or "" for anything else. */
  private static String text(Value v) {
    return v instanceof StringValue s ? s.value() : "";
  }

  record Credentials(String accessKey, String secretKey, String region, String service, String sessionToken) {}

  private static Credentials credentials(ObjectValue config) {
    return new Credentials(text(config.get("aws_access_key")), text(config.get("aws_secret_access_key")),
        text(config.get("aws_region")), text(config.get("aws_service")),
        config.get("aws_session_token") == null ? "" : text(config.get("aws_session_token")));
  }

  record Request(String method, URI url, byte[] body, Map<String, String> headers) {}

  record Signed(String authorization, Map<String, String> awsHeaders) {}

  /** SigV4 over OPA's canonical request (the escaped path as given, even when empty). */
  static Signed sign(Request req, Credentials creds, Instant at, boolean unsignedPayload) {
    String bodyHash = unsignedPayload ? "UNSIGNED-PAYLOAD" : Hashing.hex(Hashing.digest("SHA-256", req.body()));
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    String date = GoLayout.format(utc, "UTC", "20060102");
    String timestamp = GoLayout.format(utc, "UTC", "20060102T150405Z");
    Map<String, String> aws = new TreeMap<>();
    aws.put("host", req.url().getRawAuthority() == null ? "" : req.url().getRawAuthority().replaceFirst("^.*@", ""));
    aws.put("x-amz-date", timestamp);
    if (creds.service().equals("s3") || creds.service().equals("glacier")) {
      aws.put("x-amz-content-sha256", bodyHash);
    }
    if (!creds.sessionToken().isEmpty()) {
      aws.put("x-amz-security-token", creds.sessionToken());
    }
    Map<String, String> toSign = new TreeMap<>(aws);
    req.headers().forEach((k, v) -> {
      String lower = k.toLowerCase(Locale.ROOT);
      if (!IGNORED_HEADERS.contains(lower)) {
        toSign.put(lower, v);
      }
    });
    StringBuilder canonical = new StringBuilder()
        .append(req.method()).append('\n')
        .append(req.url().getRawPath() == null ? "" : req.url().getRawPath()).append('\n')
        .append(req.url().getRawQuery() == null ? "" : req.url().getRawQuery()).append('\n');
    toSign.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
    canonical.append('\n');
    String signedHeaders = String.join(";", toSign.keySet());
    canonical.append(signedHeaders).append('\n').append(bodyHash);
    String scope = date + "/" + creds.region() + "/" + creds.service() + "/aws4_request";
    String toSignText = "AWS4-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
        + Hashing.hex(Hashing.digest("SHA-256", canonical.toString()));
    byte[] key = hmac(("AWS4" + creds.secretKey()).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, creds.region());
    key = hmac(key, creds.service());
    key = hmac(key, "aws4_request");
    String signature = Hashing.hex(hmac(key, toSignText));
    String authorization = "AWS4-HMAC-SHA256 Credential=" + creds.accessKey() + "/" + scope
        + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature;
    return new Signed(authorization, aws);
  }

  private static byte[] hmac(byte[] key, String data) {
    return Hashing.hmac("HmacSHA256", key, data.getBytes(StandardCharsets.UTF_8));
  }
}
