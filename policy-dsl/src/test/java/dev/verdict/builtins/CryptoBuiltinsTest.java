package dev.verdict.builtins;

import static dev.verdict.builtins.BuiltinCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.builtins.BuiltinException.Code;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.Json;
import dev.verdict.value.NullValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Digests and HMACs, and the X.509 cases of OPA's conformance corpus (inputs in opa/crypto.json). */
class CryptoBuiltinsTest {

  private static ObjectValue cases;
  private final BuiltinCalls b = new BuiltinCalls();

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = CryptoBuiltinsTest.class.getResourceAsStream("/opa/crypto.json")) {
      cases = (ObjectValue) Json.parse(in);
    }
  }

  private static StringValue s(String v) {
    return StringValue.of(v);
  }

  @Test
  void digests() {
    b.assertCall("\"acbd18db4cc2f85cedef654fccc4a4d8\"", "crypto.md5", "\"foo\"");
    b.assertCall("\"0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33\"", "crypto.sha1", "\"foo\"");
    b.assertCall("\"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\"", "crypto.sha256", "\"foo\"");
  }

  @Test
  void hmacs() {
    b.assertCall("\"31b6db9e5eb4addb42f1a6ca07367adc\"", "crypto.hmac.md5", "\"foo\"", "\"bar\"");
    b.assertCall("\"20a8743c2157ac60b7e8b79c83651b8d\"", "crypto.hmac.md5", "\"åäöçß🥲♙Ω\"", "\"秘密の\"");
    b.assertCall("\"85d155c55ed286a300bd1cf124de08d87e914f3a\"", "crypto.hmac.sha1", "\"foo\"", "\"bar\"");
    b.assertCall("\"81759c39013935fcf0de833d44c8018d7c1455dd\"", "crypto.hmac.sha1", "\"åäöçß🥲♙Ω\"", "\"秘密の\"");
    b.assertCall("\"147933218aaabc0b8b10a2b3a5c34684c8d94341bcf10a4736dc7270f7741851\"",
        "crypto.hmac.sha256", "\"foo\"", "\"bar\"");
    b.assertCall("\"24257d7210582a65c731ec55159c8184cc24c02489453e58587f71f44c23a2d61b4b72154a89d17b2d49448a8452ea066f4fc56a2bcead45c088572ffccdb3d8\"",
        "crypto.hmac.sha512", "\"foo\"", "\"bar\"");
    b.assertCall("\"74e6f7298a9c2d168935f58c001bad88\"", "crypto.hmac.md5", "\"\"", "\"\"");
    b.assertCall("true", "crypto.hmac.equal", "\"31b6db9e5eb4addb42f1a6ca07367adc\"", "\"31b6db9e5eb4addb42f1a6ca07367adc\"");
    b.assertCall("false", "crypto.hmac.equal", "\"31b6db9e5eb4addb42f1a6ca07367adc\"", "\"31b6db9e5eb4addb\"");
    b.assertError(Code.TYPE_ERROR, "operand 2 must be string but got number", "crypto.hmac.sha1", s("x"), json("1"));
  }

  @Test
  void parseCertificates() {
    ArrayValue all = (ArrayValue) cases.get("parse_certificates");
    for (Value v : all.asList()) {
      ObjectValue c = (ObjectValue) v;
      String note = ((StringValue) c.get("note")).value();
      Value certs = c.get("certs");
      if (c.get("error") instanceof StringValue err) {
        b.assertError(Code.BUILTIN_ERROR, err.value(), "crypto.x509.parse_certificates", certs);
        continue;
      }
      ArrayValue parsed = (ArrayValue) b.call("crypto.x509.parse_certificates", certs);
      Value want = ((ObjectValue) ((ArrayValue) c.get("want")).get(0)).get("x");
      if (c.get("uri") == BooleanValue.TRUE) {
        assertEquals(want, ((ObjectValue) parsed.get(0)).get("URIStrings"), note);
      } else {
        List<Value> names = new ArrayList<>();
        for (Value cert : parsed.asList()) {
          names.add(((ObjectValue) ((ObjectValue) cert).get("Subject")).get("CommonName"));
        }
        assertEquals(want, ArrayValue.of(names), note);
      }
    }
  }

  @Test
  void certificateShapeIsGos() {
    ObjectValue first = (ObjectValue) ((ArrayValue) cases.get("parse_certificates")).get(0);
    ObjectValue cert = (ObjectValue) ((ArrayValue) b.call("crypto.x509.parse_certificates", first.get("certs"))).get(0);
    assertEquals(json("3"), cert.get("Version"));
    assertEquals(json("3"), cert.get("SignatureAlgorithm")); // SHA1WithRSA
    assertEquals(json("3"), cert.get("PublicKeyAlgorithm")); // ECDSA
    assertEquals(json("{}"), ((ObjectValue) cert.get("PublicKey")).get("Curve"));
    assertEquals(json("\"2014-01-29T13:27:43Z\""), cert.get("NotBefore"));
    assertEquals(json("[\"mail.google.com\"]"), cert.get("DNSNames"));
    assertEquals(json("[\"US\"]"), ((ObjectValue) cert.get("Subject")).get("Country"));
    assertEquals(json("[2, 5, 4, 6]"), ((ObjectValue) ((ArrayValue) ((ObjectValue) cert.get("Subject")).get("Names")).get(0)).get("Type"));
    assertEquals(NullValue.NULL, cert.get("URIs"));
  }

  @Test
  void certificateRequests() {
    for (Value v : ((ArrayValue) cases.get("parse_certificate_request")).asList()) {
      ObjectValue c = (ObjectValue) v;
      if (c.get("error") instanceof StringValue err) {
        b.assertError(Code.BUILTIN_ERROR, err.value(), "crypto.x509.parse_certificate_request", c.get("csr"));
        continue;
      }
      ObjectValue csr = (ObjectValue) b.call("crypto.x509.parse_certificate_request", c.get("csr"));
      assertEquals(s("example.com"), ((ObjectValue) csr.get("Subject")).get("CommonName"));
    }
  }

  @Test
  void keyPairs() {
    for (Value v : ((ArrayValue) cases.get("parse_keypair")).asList()) {
      ObjectValue c = (ObjectValue) v;
      ObjectValue pair = (ObjectValue) b.call("crypto.x509.parse_keypair", c.get("cert"), c.get("key"));
      assertEquals(c.get("want"), ((ArrayValue) pair.get("Certificate")).get(0));
    }
    ObjectValue c = (ObjectValue) ((ArrayValue) cases.get("parse_keypair")).get(0);
    ObjectValue other = (ObjectValue) ((ArrayValue) cases.get("parse_keypair")).get(1);
    b.assertError(Code.BUILTIN_ERROR, "tls: private key does not match public key",
        "crypto.x509.parse_keypair", c.get("cert"), other.get("key"));
  }

  @Test
  void privateKeys() {
    Value pem = ((ObjectValue) cases.get("pems")).get("cryptox509parsersaprivatekey/valid");
    assertEquals(cases.get("rsa_jwk"), b.call("crypto.x509.parse_rsa_private_key", pem));
    b.assertError(Code.BUILTIN_ERROR, "illegal base64", "crypto.x509.parse_rsa_private_key", s("invalid"));
    ArrayValue keys = (ArrayValue) b.call("crypto.parse_private_keys", pem);
    assertEquals(1, keys.size());
    assertTrue(((ObjectValue) keys.get(0)).containsKey(s("Primes")));
    assertEquals(ArrayValue.EMPTY, b.call("crypto.parse_private_keys", s("nope")));
    assertEquals(NullValue.NULL, b.call("crypto.parse_private_keys", s("")));
  }

  @Test
  void ecPrivateKeysShowTheirPublicPoint() {
    String pem = """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIAh6Prm0l8sHXOlB1aMX+bYNMSQzPAtHBgNmxB/CGrKjoAoGCCqGSM49
        AwEHoUQDQgAEvvRwiG2MWI8q+Xay/5BvoCv0UGxQnufbUY5qxtjRAhugl1mn9nTu
        ydeGz/6ZgjTyQrW4iJ6KjqK1iJ3fd6j/rg==
        -----END EC PRIVATE KEY-----
        """;
    ObjectValue jwk = (ObjectValue) b.call("crypto.x509.parse_rsa_private_key", s(pem));
    assertEquals(s("EC"), jwk.get("kty"));
    assertEquals(s("P-256"), jwk.get("crv"));
    ObjectValue goKey = (ObjectValue) ((ArrayValue) b.call("crypto.parse_private_keys", s(pem))).get(0);
    assertEquals(json("{}"), goKey.get("Curve"));
  }

  @Test
  void verifyChains() {
    // the chains' certificates became valid in November 2023
    BuiltinCalls b = new BuiltinCalls(System.currentTimeMillis() * 1_000_000L, java.util.Map.of());
    for (Value v : ((ArrayValue) cases.get("verify")).asList()) {
      ObjectValue c = (ObjectValue) v;
      ArrayValue result = (ArrayValue) b.call("crypto.x509.parse_and_verify_certificates", c.get("certs"));
      List<Value> shown = new ArrayList<>();
      for (Value cert : ((ArrayValue) result.get(1)).asList()) {
        ObjectValue o = (ObjectValue) cert;
        shown.add(ObjectValue.of(s("CN"), ((ObjectValue) o.get("Subject")).get("CommonName"),
            s("DNS"), o.get("DNSNames"), s("URI"), o.get("URIStrings")));
      }
      Value got = ObjectValue.of(s("valid"), result.get(0), s("certs"), ArrayValue.of(shown));
      assertEquals(c.get("want"), got, ((StringValue) c.get("note")).value());
    }
  }

  @Test
  void verifyWithOptions() {
    BuiltinCalls b = new BuiltinCalls(System.currentTimeMillis() * 1_000_000L, java.util.Map.of());
    Value certs = ((ObjectValue) ((ArrayValue) cases.get("verify")).get(0)).get("certs");
    ArrayValue ok = (ArrayValue) b.call("crypto.x509.parse_and_verify_certificates_with_options", certs,
        json("{\"DNSName\": \"notarealsite.opa.localhost\", \"KeyUsages\": [\"KeyUsageServerAuth\"]}"));
    assertEquals(BooleanValue.TRUE, ok.get(0));
    assertTrue(!((ObjectValue) ((ArrayValue) ok.get(1)).get(0)).containsKey(s("URIStrings")));
    b.assertCall("[false, []]", "crypto.x509.parse_and_verify_certificates_with_options",
        Json.toJson(certs), "{\"DNSName\": \"example.com\"}");
    b.assertCall("[false, []]", "crypto.x509.parse_and_verify_certificates_with_options",
        Json.toJson(certs), "{\"CurrentTime\": 1956528000000000000}"); // 2032, after the root expires
    b.assertError(Code.BUILTIN_ERROR, "invalid key option", "crypto.x509.parse_and_verify_certificates_with_options",
        certs, json("{\"Foo\": 1}"));
    b.assertError(Code.BUILTIN_ERROR, "invalid entries for 'KeyUsages' found: [Nope]",
        "crypto.x509.parse_and_verify_certificates_with_options", certs, json("{\"KeyUsages\": [\"Nope\"]}"));
    b.assertCall("[false, []]", "crypto.x509.parse_and_verify_certificates", "\"foo\"");
  }
}
