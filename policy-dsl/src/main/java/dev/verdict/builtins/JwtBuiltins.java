package dev.verdict.builtins;

import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.STRING;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import dev.verdict.builtins.jwt.JwsAlgorithm;
import dev.verdict.builtins.jwt.JwtKeys;
import dev.verdict.builtins.jwt.JwtKeys.VerificationKey;
import dev.verdict.builtins.pki.GoBase64;
import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.Json;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** {@code io.jwt.*}: decoding, verification with constraints, signing; OPA's semantics and messages. */
public final class JwtBuiltins {

  private static final Type OBJECT = Type.objectOf(STRING, Type.ANY);
  private static final ArrayValue UNVERIFIED = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);

  private JwtBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.function("io.jwt.decode", Signature.of(Type.ANY_ARRAY, STRING), (ctx, a) -> decode(a[0]));
    r.function("io.jwt.decode_verify", Signature.of(Type.ANY_ARRAY, STRING, OBJECT), (ctx, a) -> {
      ObjectValue constraints = Operands.object(a, 1);
      return decodeVerify(a[0], Constraints.parse(constraints, ctx.nowNanos()));
    });
    for (String alg : new String[] {"HS256", "HS384", "HS512"}) {
      r.function("io.jwt.verify_" + alg.toLowerCase(), Signature.of(BOOLEAN, STRING, STRING), (ctx, a) -> {
        String jwt = Operands.string(a, 0);
        String secret = Operands.string(a, 1);
        Token t = Token.split(StringValue.of(jwt));
        return BooleanValue.of(JwsAlgorithm.named(alg).verify(utf8(secret), t.signingInput(), t.signature()));
      });
    }
    for (String alg : new String[] {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384",
        "ES512", "EdDSA"}) {
      r.function("io.jwt.verify_" + alg.toLowerCase(), Signature.of(BOOLEAN, STRING, STRING), (ctx, a) ->
          BooleanValue.of(verifyWithKeys(a[0], a[1], JwsAlgorithm.named(alg))));
    }
    r.nondeterministic("io.jwt.encode_sign", Signature.of(STRING, OBJECT, OBJECT, OBJECT), (ctx, a) ->
        encodeSign(goJson(a[0]), goJson(a[1]), goJson(a[2])));
    r.nondeterministic("io.jwt.encode_sign_raw", Signature.of(STRING, STRING, STRING, STRING), (ctx, a) -> {
      String key = Operands.string(a, 2);
      String headers = Operands.string(a, 0);
      String payload = Operands.string(a, 1);
      return encodeSign(headers, payload, key);
    });
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The three base64url parts of a compact JWS. */
  private record Token(String header, String payload, String sig) {

    static Token split(Value v) {
      if (!(v instanceof StringValue s)) {
        throw BuiltinException.operandType(1, "string", v);
      }
      String text = s.value();
      if (text.indexOf('.') < 0) {
        throw BuiltinException.error("encoded JWT had no period separators");
      }
      String[] parts = text.split("\\.", -1);
      if (parts.length != 3) {
        throw BuiltinException.error("encoded JWT must have 3 sections, found " + parts.length);
      }
      return new Token(parts[0], parts[1], parts[2]);
    }

    byte[] signingInput() {
      return utf8(header + "." + payload);
    }

    byte[] signature() {
      return base64Url(sig, "");
    }

    ObjectValue decodedHeader() {
      String json = new String(base64Url(header, "JWT header had invalid encoding: "), StandardCharsets.UTF_8);
      ObjectValue h;
      try {
        h = jsonObject(json);
      } catch (BuiltinException e) {
        throw BuiltinException.error("bad JWT header: " + e.getMessage());
      }
      if (h.containsKey(StringValue.of("enc"))) {
        throw BuiltinException.error("JWT is a JWE object, which is not supported");
      }
      return h;
    }

    String decodedPayload() {
      return new String(base64Url(payload, "JWT payload had invalid encoding: "), StandardCharsets.UTF_8);
    }
  }

  /** OPA's base64url.decode: padding optional, Go's messages. */
  static byte[] base64Url(String s, String context) {
    String padded = s;
    if (!s.endsWith("=")) {
      switch (s.length() % 4) {
        case 2 -> padded = s + "==";
        case 3 -> padded = s + "=";
        case 1 -> throw BuiltinException.error(context + "illegal base64 data at input byte " + s.length());
        default -> {}
      }
    }
    try {
      return GoBase64.URL.decode(padded);
    } catch (IllegalArgumentException e) {
      throw BuiltinException.error(context + e.getMessage());
    }
  }

  /** OPA's extractJSONObject: JSON whose top level is an object (duplicate keys: the last wins). */
  static ObjectValue jsonObject(String json) {
    Value v;
    try {
      v = Json.parse(json);
    } catch (Json.JsonException e) {
      throw BuiltinException.error("invalid JSON: " + e.getMessage());
    }
    if (!(v instanceof ObjectValue o)) {
      throw BuiltinException.error("decoded JSON type was not an Object");
    }
    return o;
  }

  private static Value decode(Value jwt) {
    Token t = Token.split(jwt);
    ObjectValue header = t.decodedHeader();
    String payload = t.decodedPayload();
    if (header.get("cty") instanceof StringValue cty && cty.value().equals("JWT")) {
      // a nested token: the payload is the inner token, possibly quoted
      return decode(StringValue.of(payload.replaceAll("^[\"']+|[\"']+$", "")));
    }
    ObjectValue claims = jsonObject(payload);
    byte[] sig = base64Url(t.sig(), "JWT signature had invalid encoding: ");
    return ArrayValue.of(header, claims, StringValue.of(HexFormat.of().formatHex(sig)));
  }

  /** verify_rs256 and friends: any of the keys (the one whose kid matches, when one does) verifies. */
  private static boolean verifyWithKeys(Value jwt, Value keyOperand, JwsAlgorithm alg) {
    Token t = Token.split(jwt);
    if (!(keyOperand instanceof StringValue keyText)) {
      throw BuiltinException.operandType(2, "string", keyOperand);
    }
    List<VerificationKey> keys = parseKeys(keyText.value());
    byte[] signature = t.signature();
    Header header = Header.parse(t.decodedHeader());
    return anyKeyVerifies(keys, header, alg, t.signingInput(), signature);
  }

  /**
   * The key whose id the header names decides alone; otherwise any key verifies, skipping keys
   * that name an algorithm other than the header's.
   */
  private static boolean anyKeyVerifies(List<VerificationKey> keys, Header header, JwsAlgorithm alg, byte[] input,
      byte[] signature) {
    if (!header.kid().isEmpty()) {
      for (VerificationKey k : keys) {
        if (k.kid().equals(header.kid())) {
          return alg.verify(k.key(), input, signature);
        }
      }
    }
    for (VerificationKey k : keys) {
      if ((k.alg().isEmpty() || k.alg().equals(header.alg())) && alg.verify(k.key(), input, signature)) {
        return true;
      }
    }
    return false;
  }

  static List<VerificationKey> parseKeys(String text) {
    try {
      return JwtKeys.verificationKeys(text);
    } catch (JwtKeys.KeyException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  /** The JOSE header fields OPA checks. */
  private record Header(String alg, String kid, String cty, Set<String> crit, Set<String> unknown) {
    static Header parse(ObjectValue h) {
      String alg = "";
      String kid = "";
      String cty = "";
      Set<String> crit = new HashSet<>();
      Set<String> unknown = new HashSet<>();
      for (int i = 0; i < h.size(); i++) {
        String k = ((StringValue) h.key(i)).value();
        Value v = h.value(i);
        switch (k) {
          case "alg" -> alg = headerString(k, v);
          case "kid" -> kid = headerString(k, v);
          case "typ" -> headerString(k, v);
          case "cty" -> cty = headerString(k, v);
          case "crit" -> {
            if (!(v instanceof ArrayValue arr)) {
              throw BuiltinException.error("crit: must be a list");
            }
            for (Value e : arr.asList()) {
              if (e instanceof StringValue s) {
                crit.add(s.value());
              }
            }
            if (crit.isEmpty()) {
              throw BuiltinException.error("crit: must be a nonempty list");
            }
          }
          default -> unknown.add(k);
        }
      }
      return new Header(alg, kid, cty, crit, unknown);
    }

    /** RFC 7515: alg present, no critical parameter left unrecognized. */
    boolean valid() {
      return !alg.isEmpty() && unknown.stream().noneMatch(crit::contains);
    }
  }

  private static String headerString(String name, Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.error(name + ": must be a string");
  }

  /** decode_verify's constraints: exactly one of cert and secret, and optional alg, iss, aud, time. */
  private record Constraints(List<VerificationKey> keys, String secret, String alg, String iss, String aud,
      double time) {

    static Constraints parse(ObjectValue o, long nowNanos) {
      List<VerificationKey> keys = null;
      String secret = "";
      String alg = "";
      String iss = "";
      String aud = "";
      double time = -1;
      for (int i = 0; i < o.size(); i++) {
        String name = o.key(i) instanceof StringValue s ? s.value() : o.key(i).toString();
        Value v = o.value(i);
        switch (name) {
          case "cert" -> {
            if (!(v instanceof StringValue s)) {
              throw BuiltinException.error("cert constraint: must be a string");
            }
            keys = parseKeys(s.value());
          }
          case "secret" -> secret = constraintString(name, v);
          case "alg" -> alg = constraintString(name, v);
          case "iss" -> iss = constraintString(name, v);
          case "aud" -> aud = constraintString(name, v);
          case "time" -> time = timeOf(v);
          default -> throw BuiltinException.error("unknown token validation constraint: " + name);
        }
      }
      if (time == -1) {
        time = timeOf(NumberValue.of(nowNanos));
      }
      int keyConstraints = (keys != null ? 1 : 0) + (secret.isEmpty() ? 0 : 1);
      if (keyConstraints > 1) {
        throw BuiltinException.error("duplicate key constraints");
      }
      if (keyConstraints < 1) {
        throw BuiltinException.error("no key constraint");
      }
      return new Constraints(keys, secret, alg, iss, aud, time);
    }

    private static String constraintString(String name, Value v) {
      if (v instanceof StringValue s) {
        return s.value();
      }
      throw BuiltinException.error(name + " constraint: must be a string");
    }

    private static double timeOf(Value v) {
      if (!(v instanceof NumberValue n)) {
        throw BuiltinException.error("token time constraint: must be a number");
      }
      double t = n.doubleValue();
      if (Double.isInfinite(t)) {
        throw BuiltinException.error("token time constraint: unvalid float64");
      }
      if (t < 0) {
        throw BuiltinException.error("token time constraint: must not be negative");
      }
      return t;
    }

    boolean verify(Header h, byte[] input, byte[] signature) {
      JwsAlgorithm alg = JwsAlgorithm.named(h.alg());
      if (alg == null) {
        return false;
      }
      if (keys == null) {
        return alg.verify(utf8(secret), input, signature);
      }
      return anyKeyVerifies(keys, h, alg, input, signature);
    }

    boolean validAudience(Value claim) {
      if (claim instanceof StringValue s) {
        return s.value().equals(aud);
      }
      return claim instanceof ArrayValue arr
          && arr.asList().stream().anyMatch(e -> e instanceof StringValue s && s.value().equals(aud));
    }

    /** The verification time in seconds, as the shortest decimal of the float64 OPA computes. */
    BigDecimal seconds() {
      return new BigDecimal(Double.toString(time / 1e9));
    }
  }

  private static Value decodeVerify(Value jwt, Constraints c) {
    Value current = jwt;
    Token t;
    String payload;
    while (true) {
      t = Token.split(current);
      Header h = Header.parse(t.decodedHeader());
      if (!h.valid() || !c.alg().isEmpty() && !c.alg().equals(h.alg())) {
        return UNVERIFIED;
      }
      if (!c.verify(h, t.signingInput(), t.signature())) {
        return UNVERIFIED;
      }
      payload = t.decodedPayload();
      if (!h.cty().equalsIgnoreCase("JWT")) {
        break;
      }
      current = StringValue.of(payload); // a nested token: verify it too
    }
    ObjectValue claims = jsonObject(payload);
    ObjectValue header = t.decodedHeader();
    if (!c.iss().isEmpty() && !(claims.get("iss") instanceof StringValue iss && iss.value().equals(c.iss()))) {
      return UNVERIFIED;
    }
    Value aud = claims.get("aud");
    if (aud != null ? !c.validAudience(aud) : !c.aud().isEmpty()) {
      return UNVERIFIED;
    }
    Value exp = claims.get("exp");
    if (exp != null) {
      if (!(exp instanceof NumberValue e)) {
        throw BuiltinException.error("exp value must be a number");
      }
      if (c.seconds().compareTo(e.bigDecimalValue()) >= 0) {
        return UNVERIFIED;
      }
    }
    Value nbf = claims.get("nbf");
    if (nbf != null) {
      if (!(nbf instanceof NumberValue n)) {
        throw BuiltinException.error("nbf value must be a number");
      }
      if (c.seconds().compareTo(n.bigDecimalValue()) < 0) {
        return UNVERIFIED;
      }
    }
    return ArrayValue.of(BooleanValue.TRUE, header, claims);
  }

  /** JSON as Go's json.Marshal writes it: compact, sorted keys, HTML characters escaped. */
  static String goJson(Value v) {
    return Json.toJson(v).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private static Value encodeSign(String headers, String payload, String jwkText) {
    JWK jwk;
    try {
      List<JWK> keys = JwtKeys.parseJwks(jwkText);
      if (keys.isEmpty()) {
        throw BuiltinException.error("no keys found in JWK set");
      }
      jwk = keys.get(0);
    } catch (ParseException e) {
      throw BuiltinException.error("failed to parse jwk: " + e.getMessage());
    }
    String algName = headerAlg(headers);
    JwsAlgorithm alg = JwsAlgorithm.named(algName);
    if (alg == null) {
      throw BuiltinException.error("unknown JWS algorithm: " + algName);
    }
    String typ = headerTyp(headers);
    if ((typ == null || typ.equals("JWT")) && !isJson(payload)) {
      throw BuiltinException.error("type is JWT but payload is not JSON");
    }
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    String input = enc.encodeToString(utf8(headers)) + "." + enc.encodeToString(utf8(payload));
    try {
      byte[] sig = alg.sign(JwtKeys.signingKey(jwk), utf8(input));
      return StringValue.of(input + "." + enc.encodeToString(sig));
    } catch (GeneralSecurityException | JOSEException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  /**
   * The headers as jwx's jwsbb reads them: a non-object document has no "alg", and bare number
   * characters pass as a number, since its parser does not validate numbers.
   */
  private static ObjectValue headerObject(String headers) {
    if (headers.isEmpty()) {
      throw BuiltinException.error("missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string");
    }
    try {
      return Json.parse(headers) instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    } catch (Json.JsonException e) {
      if (headers.strip().matches("[-+.0-9eE]+")) {
        return ObjectValue.EMPTY;
      }
      throw BuiltinException.error("missing or invalid 'alg' header: cannot parse JSON: " + e.getMessage());
    }
  }

  private static String headerAlg(String headers) {
    Value alg = headerObject(headers).get("alg");
    if (alg == null) {
      throw BuiltinException.error("missing or invalid 'alg' header: jwsbb: header \"alg\" not found");
    }
    if (!(alg instanceof StringValue s)) {
      throw BuiltinException.error("missing or invalid 'alg' header: jwsbb: header \"alg\" is not a string");
    }
    return s.value();
  }

  private static String headerTyp(String headers) {
    return headerObject(headers).get("typ") instanceof StringValue s ? s.value() : null;
  }

  private static boolean isJson(String text) {
    try {
      Json.parse(text);
      return true;
    } catch (Json.JsonException e) {
      return false;
    }
  }
}
