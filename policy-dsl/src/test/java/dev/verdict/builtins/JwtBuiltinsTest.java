package dev.verdict.builtins;

import static dev.verdict.builtins.BuiltinCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.builtins.BuiltinException.Code;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** OPA's JWT conformance cases (opa/jwt.json) and the few that compose other builtins. */
class JwtBuiltinsTest {

  private final BuiltinCalls b = new BuiltinCalls();
  // base64url.encode_no_pad("42")
  private static final String KEY_42 = "{\"kty\": \"oct\", \"k\": \"NDI\"}";

  @TestFactory
  Stream<DynamicTest> conformance() throws IOException {
    return ConformanceCalls.tests("jwt.json", new BuiltinCalls());
  }

  private Value sign(String headers, String payload, String key) {
    return b.call("io.jwt.encode_sign", json(headers), json(payload), json(key));
  }

  @Test
  void claimsMustBeNumbers() {
    Value token = sign("{\"alg\": \"HS256\"}", "{\"exp\": null}", KEY_42);
    b.assertError(Code.BUILTIN_ERROR, "exp value must be a number", "io.jwt.decode_verify", token,
        json("{\"secret\": \"42\"}"));
    token = sign("{\"alg\": \"HS256\"}", "{\"nbf\": \"string is not valid here\"}", KEY_42);
    b.assertError(Code.BUILTIN_ERROR, "nbf value must be a number", "io.jwt.decode_verify", token,
        json("{\"secret\": \"42\"}"));
  }

  @Test
  void missingIssuerWhileRequired() {
    Value token = sign("{\"alg\": \"HS256\"}", "{}", KEY_42);
    assertEquals(json("[false, {}, {}]"), b.call("io.jwt.decode_verify", token, json("{\"secret\": \"42\", \"iss\": \"xxx\"}")));
    assertEquals(json("[true, {\"alg\": \"HS256\"}, {}]"), b.call("io.jwt.decode_verify", token, json("{\"secret\": \"42\"}")));
  }

  @Test
  void expiryAgainstTheQueryClock() {
    Value token = sign("{\"alg\": \"HS256\"}", "{\"exp\": 1700000000}", KEY_42); // the test clock's second
    assertEquals(json("[false, {}, {}]"), b.call("io.jwt.decode_verify", token, json("{\"secret\": \"42\"}")));
    assertEquals(json("[true, {\"alg\": \"HS256\"}, {\"exp\": 1700000000}]"),
        b.call("io.jwt.decode_verify", token, json("{\"secret\": \"42\", \"time\": 1699999999000000000}")));
  }

  @Test
  void integerTimestampsStayIntegers() {
    Value iat = json("1678000000.0");
    Value token = b.call("io.jwt.encode_sign", json("{\"alg\": \"HS256\", \"typ\": \"JWT\"}"),
        dev.verdict.value.ObjectValue.of(StringValue.of("iat"), iat, StringValue.of("exp"), json("1678000300")),
        json("{\"k\": \"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\", \"kty\": \"oct\"}"));
    assertEquals(StringValue.of("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE2NzgwMDAzMDAsImlhdCI6MTY3ODAwMDAwMH0"
        + ".ZNCOrxE5MNdrqzHmiQ7c3so0IvGqHddBZFWe3kBaQHg"), token);
  }

  @Test
  void signAndVerifyEveryAsymmetricFamily() throws Exception {
    String[][] families = {{"RSA", "RS256"}, {"RSA", "PS384"}, {"EC", "ES256"}, {"Ed25519", "EdDSA"}};
    for (String[] f : families) {
      var gen = java.security.KeyPairGenerator.getInstance(f[0]);
      if (f[0].equals("RSA")) {
        gen.initialize(2048);
      } else if (f[0].equals("EC")) {
        gen.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
      }
      var pair = gen.generateKeyPair();
      com.nimbusds.jose.jwk.JWK jwk = switch (pair.getPublic()) {
        case java.security.interfaces.RSAPublicKey pub ->
            new com.nimbusds.jose.jwk.RSAKey.Builder(pub).privateKey(pair.getPrivate()).build();
        case java.security.interfaces.ECPublicKey pub ->
            new com.nimbusds.jose.jwk.ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, pub).privateKey(pair.getPrivate()).build();
        default -> {
          byte[] x = rawEd(pair.getPublic());
          byte[] d = ((java.security.interfaces.EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
          yield new com.nimbusds.jose.jwk.OctetKeyPair.Builder(com.nimbusds.jose.jwk.Curve.Ed25519,
              com.nimbusds.jose.util.Base64URL.encode(x)).d(com.nimbusds.jose.util.Base64URL.encode(d)).build();
        }
      };
      Value token = sign("{\"alg\": \"" + f[1] + "\"}", "{\"sub\": \"me\"}", jwk.toJSONString());
      String publicJwk = jwk.toPublicJWK().toJSONString();
      assertEquals(json("true"), b.call("io.jwt.verify_" + f[1].toLowerCase(), token, StringValue.of(publicJwk)), f[1]);
      assertEquals(json("[true, {\"alg\": \"" + f[1] + "\"}, {\"sub\": \"me\"}]"),
          b.call("io.jwt.decode_verify", token, dev.verdict.value.ObjectValue.of(StringValue.of("cert"), StringValue.of(publicJwk))), f[1]);
    }
  }

  private static byte[] rawEd(java.security.PublicKey key) {
    byte[] enc = key.getEncoded();
    return java.util.Arrays.copyOfRange(enc, enc.length - 32, enc.length);
  }

  @Test
  void constraintErrors() {
    Value token = sign("{\"alg\": \"HS256\"}", "{}", KEY_42);
    b.assertError(Code.BUILTIN_ERROR, "unknown token validation constraint: foo", "io.jwt.decode_verify", token,
        json("{\"secret\": \"42\", \"foo\": 1}"));
    b.assertError(Code.BUILTIN_ERROR, "no key constraint", "io.jwt.decode_verify", token, json("{}"));
    b.assertError(Code.BUILTIN_ERROR, "duplicate key constraints", "io.jwt.decode_verify", token,
        json("{\"secret\": \"42\", \"cert\": \"{\\\"kty\\\": \\\"oct\\\", \\\"k\\\": \\\"NDI\\\"}\"}"));
    b.assertError(Code.TYPE_ERROR, "operand 2 must be object but got string", "io.jwt.decode_verify", token,
        StringValue.of("x"));
  }
}
