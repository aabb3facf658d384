package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.STRING;

import dev.verdict.builtins.pki.GoBase64;
import dev.verdict.builtins.pki.GoCsr;
import dev.verdict.builtins.pki.GoKeys;
import dev.verdict.builtins.pki.GoVerify;
import dev.verdict.builtins.pki.GoX509;
import dev.verdict.builtins.pki.GoX509.Cert;
import dev.verdict.builtins.pki.Pem;
import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code crypto.*}: digests, HMACs, X.509 certificates, requests and private keys, shaped as Go's JSON. */
public final class CryptoBuiltins {

  private static final Type OBJECT = Type.objectOf(STRING, ANY);
  private static final Type OBJECTS = Type.arrayOf(OBJECT);
  private static final String BEGIN = "-----BEGIN";

  private CryptoBuiltins() {}

  public static void register(BuiltinRegistry r) {
    digest(r, "crypto.md5", "MD5");
    digest(r, "crypto.sha1", "SHA-1");
    digest(r, "crypto.sha256", "SHA-256");
    hmac(r, "crypto.hmac.md5", "HmacMD5");
    hmac(r, "crypto.hmac.sha1", "HmacSHA1");
    hmac(r, "crypto.hmac.sha256", "HmacSHA256");
    hmac(r, "crypto.hmac.sha512", "HmacSHA512");
    r.function("crypto.hmac.equal", Signature.of(BOOLEAN, STRING, STRING), (ctx, a) -> BooleanValue.of(
        MessageDigest.isEqual(utf8(Operands.string(a, 0)), utf8(Operands.string(a, 1)))));

    r.function("crypto.x509.parse_certificates", Signature.of(OBJECTS, STRING), (ctx, a) ->
        certificatesValue(certificates(Operands.string(a, 0)), true));
    r.function("crypto.x509.parse_and_verify_certificates", Signature.of(Type.ANY_ARRAY, STRING), (ctx, a) ->
        verify(Operands.string(a, 0), new GoVerify.Options(null, now(ctx), List.of()), true));
    r.function("crypto.x509.parse_and_verify_certificates_with_options",
        Signature.of(Type.ANY_ARRAY, STRING, OBJECT), (ctx, a) -> {
          String input = Operands.string(a, 0);
          ObjectValue options = Operands.object(a, 1);
          return verify(input, verifyOptions(options, now(ctx)), false);
        });
    r.function("crypto.x509.parse_certificate_request", Signature.of(OBJECT, STRING), (ctx, a) ->
        certificateRequest(Operands.string(a, 0)));
    r.function("crypto.x509.parse_keypair", Signature.of(OBJECT, STRING, STRING), (ctx, a) -> {
      String cert = Operands.string(a, 0);
      if (!(a[1] instanceof StringValue key)) {
        throw BuiltinException.operandType(1, "string", a[1]); // OPA names operand 1 here too
      }
      return GoTls.keyPair(cert, key.value());
    });
    r.function("crypto.x509.parse_rsa_private_key", Signature.of(OBJECT, STRING), (ctx, a) ->
        jwkOfFirstKey(Operands.string(a, 0)));
    r.function("crypto.parse_private_keys", Signature.of(OBJECTS, STRING), (ctx, a) ->
        privateKeys(Operands.string(a, 0)));
  }

  private static void digest(BuiltinRegistry r, String name, String algorithm) {
    r.function(name, Signature.of(STRING, STRING), (ctx, a) ->
        StringValue.of(Hashing.hex(Hashing.digest(algorithm, Operands.string(a, 0)))));
  }

  private static void hmac(BuiltinRegistry r, String name, String algorithm) {
    r.function(name, Signature.of(STRING, STRING, STRING), (ctx, a) -> {
      String message = Operands.string(a, 0);
      String key = Operands.string(a, 1);
      return StringValue.of(Hashing.hex(Hashing.hmac(algorithm, utf8(key), utf8(message))));
    });
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Instant now(BuiltinContext ctx) {
    long ns = ctx.nowNanos();
    return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
  }

  /** Go's base64 decoding, its error as a builtin error. */
  static byte[] base64(String s) {
    try {
      return GoBase64.STD.decode(s);
    } catch (IllegalArgumentException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  /** OPA's getX509CertsFromString: PEM, base64 of PEM, or base64 of DER. */
  static List<Cert> certificates(String input) {
    try {
      if (input.startsWith(BEGIN)) {
        return fromPem(input);
      }
      byte[] der = base64(input);
      if (new String(der, StandardCharsets.ISO_8859_1).startsWith(BEGIN)) {
        return fromPem(new String(der, StandardCharsets.ISO_8859_1));
      }
      return GoX509.parseCertificates(der);
    } catch (GoX509.X509Exception e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static List<Cert> fromPem(String text) throws GoX509.X509Exception {
    java.io.ByteArrayOutputStream der = new java.io.ByteArrayOutputStream();
    for (Pem block : Pem.decodeAll(text)) {
      if (!block.type().equals("CERTIFICATE")) {
        throw new GoX509.X509Exception("PEM block type is '" + block.type() + "', expected CERTIFICATE");
      }
      der.writeBytes(block.bytes());
    }
    return GoX509.parseCertificates(der.toByteArray());
  }

  private static Value certificatesValue(List<Cert> certs, boolean withUriStrings) {
    return ArrayValue.of(certs.stream().map(c -> (Value) GoX509.toValue(c, withUriStrings)).toList());
  }

  private static final ArrayValue UNVERIFIED = ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);

  /** [true, chain from leaf to root] or [false, []]: a bad chain is an answer, not an error. */
  private static Value verify(String input, GoVerify.Options options, boolean withUriStrings) {
    List<Cert> certs;
    try {
      certs = certificates(input);
    } catch (BuiltinException e) {
      return UNVERIFIED;
    }
    try {
      return ArrayValue.of(BooleanValue.TRUE, certificatesValue(GoVerify.verify(certs, options), withUriStrings));
    } catch (GoVerify.VerifyException e) {
      return UNVERIFIED;
    }
  }

  private static GoVerify.Options verifyOptions(ObjectValue options, Instant now) {
    String dnsName = null;
    Instant time = now;
    List<Integer> usages = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      if (!(options.key(i) instanceof StringValue key)) {
        continue;
      }
      Value v = options.value(i);
      switch (key.value()) {
        case "DNSName" -> {
          if (!(v instanceof StringValue s)) {
            throw BuiltinException.error("'DNSName' should be a string");
          }
          dnsName = s.value();
        }
        case "CurrentTime" -> {
          if (!(v instanceof NumberValue n)) {
            throw BuiltinException.error("'CurrentTime' should be a number");
          }
          if (!n.isLong()) {
            throw BuiltinException.error("'CurrentTime' should be a valid int64 number");
          }
          long ns = n.longValue();
          time = Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
        }
        case "MaxConstraintComparisons" -> {
          if (!(v instanceof NumberValue n)) {
            throw BuiltinException.error("'MaxConstraintComparisons' should be a number");
          }
          if (!n.isLong()) {
            throw BuiltinException.error("'MaxConstraintComparisons' should be a valid number");
          }
        }
        case "KeyUsages" -> usages = keyUsages(v);
        default -> throw BuiltinException.error("invalid key option");
      }
    }
    return new GoVerify.Options(dnsName, time, usages);
  }

  private static List<Integer> keyUsages(Value v) {
    List<Value> items = switch (v) {
      case ArrayValue arr -> arr.asList();
      case SetValue set -> set.asList();
      default -> throw BuiltinException.error("'KeyUsages' should be an Array or Set");
    };
    List<Integer> usages = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (Value item : items) {
      if (item instanceof StringValue s) {
        String name = s.value().replaceAll("^\"+|\"+$", "");
        Integer usage = KEY_USAGES.get(name);
        if (usage != null) {
          usages.add(usage);
        } else {
          invalid.add(name);
        }
      }
    }
    if (!invalid.isEmpty()) {
      throw BuiltinException.error("invalid entries for 'KeyUsages' found: [" + String.join(" ", invalid) + "]");
    }
    return usages;
  }

  private static final java.util.Map<String, Integer> KEY_USAGES = java.util.Map.ofEntries(
      java.util.Map.entry("KeyUsageAny", 0), java.util.Map.entry("KeyUsageServerAuth", 1),
      java.util.Map.entry("KeyUsageClientAuth", 2), java.util.Map.entry("KeyUsageCodeSigning", 3),
      java.util.Map.entry("KeyUsageEmailProtection", 4), java.util.Map.entry("KeyUsageIPSECEndSystem", 5),
      java.util.Map.entry("KeyUsageIPSECTunnel", 6), java.util.Map.entry("KeyUsageIPSECUser", 7),
      java.util.Map.entry("KeyUsageTimeStamping", 8), java.util.Map.entry("KeyUsageOCSPSigning", 9),
      java.util.Map.entry("KeyUsageMicrosoftServerGatedCrypto", 10),
      java.util.Map.entry("KeyUsageNetscapeServerGatedCrypto", 11),
      java.util.Map.entry("KeyUsageMicrosoftCommercialCodeSigning", 12),
      java.util.Map.entry("KeyUsageMicrosoftKernelCodeSigning", 13));

  private static Value certificateRequest(String input) {
    byte[] bytes = input.startsWith("-----BEGIN CERTIFICATE REQUEST-----") ? utf8(input) : base64(input);
    Pem.Decoded block = Pem.decode(new String(bytes, StandardCharsets.ISO_8859_1), 0);
    if (block != null && !block.block().type().equals("CERTIFICATE REQUEST")) {
      throw BuiltinException.error("invalid PEM-encoded certificate signing request");
    }
    try {
      return GoCsr.parse(block != null ? block.block().bytes() : bytes);
    } catch (GoX509.X509Exception e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static List<PrivateKey> keys(String pemData) {
    try {
      return GoKeys.privateKeysFromPem(pemData);
    } catch (GoKeys.KeyException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  /** OPA's parse_rsa_private_key: the first private key found, as a JWK. */
  private static Value jwkOfFirstKey(String input) {
    if (input.isEmpty()) {
      throw BuiltinException.error("input PEM data was empty");
    }
    String pem = input.startsWith(BEGIN) ? input : new String(base64(input), StandardCharsets.ISO_8859_1);
    List<PrivateKey> keys = keys(pem);
    if (keys.isEmpty()) {
      return NullValue.NULL;
    }
    try {
      return dev.verdict.value.Json.parse(GoKeys.jwk(keys.get(0)).toJSONString());
    } catch (GeneralSecurityException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static Value privateKeys(String input) {
    if (input.isEmpty()) {
      return NullValue.NULL;
    }
    List<Value> out = new ArrayList<>();
    for (PrivateKey k : keys(input)) {
      try {
        out.add(GoKeys.privateKey(k));
      } catch (GeneralSecurityException e) {
        throw BuiltinException.error(e.getMessage());
      }
    }
    return ArrayValue.of(out);
  }

  /** tls.X509KeyPair and the JSON of the tls.Certificate it returns. */
  static final class GoTls {
    private GoTls() {}

    static Value keyPair(String certInput, String keyInput) {
      String certPem = certInput.startsWith("-----BEGIN ") ? certInput : latin1(base64(certInput));
      String keyPem = keyInput.startsWith("-----BEGIN ") ? keyInput : latin1(base64(keyInput));
      if (!certPem.startsWith("-----BEGIN ")) {
        certPem = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(certPem.getBytes(StandardCharsets.ISO_8859_1)) + "\n-----END CERTIFICATE-----\n";
      }
      if (!keyPem.startsWith(BEGIN)) {
        keyPem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(keyPem.getBytes(StandardCharsets.ISO_8859_1)) + "\n-----END PRIVATE KEY-----\n";
      }
      List<Value> chain = new ArrayList<>();
      List<Cert> certs = new ArrayList<>();
      for (Pem block : Pem.decodeAll(certPem)) {
        if (block.type().equals("CERTIFICATE")) {
          chain.add(StringValue.of(java.util.Base64.getEncoder().encodeToString(block.bytes())));
          try {
            certs.add(GoX509.parseCertificate(block.bytes()));
          } catch (GoX509.X509Exception e) {
            throw BuiltinException.error(e.getMessage());
          }
        }
      }
      if (chain.isEmpty()) {
        throw BuiltinException.error("tls: failed to find any PEM data in certificate input");
      }
      PrivateKey key = null;
      for (Pem block : Pem.decodeAll(keyPem)) {
        if (block.type().equals("PRIVATE KEY") || block.type().endsWith(" PRIVATE KEY")) {
          key = parseKey(block);
          break;
        }
      }
      if (key == null) {
        throw BuiltinException.error("tls: failed to find any PEM data in key input");
      }
      PublicKey certKey = certs.get(0).jdk().getPublicKey();
      try {
        if (!matches(certKey, GoKeys.publicOf(key))) {
          throw BuiltinException.error("tls: private key does not match public key");
        }
        return ObjectValue.builder()
            .put("Certificate", ArrayValue.of(chain))
            .put("PrivateKey", GoKeys.privateKey(key))
            .put("SupportedSignatureAlgorithms", NullValue.NULL)
            .put("OCSPStaple", NullValue.NULL)
            .put("SignedCertificateTimestamps", NullValue.NULL)
            .put("Leaf", GoX509.toValue(certs.get(0), false))
            .build();
      } catch (GeneralSecurityException e) {
        throw BuiltinException.error("tls: private key type does not match public key type");
      }
    }

    private static PrivateKey parseKey(Pem block) {
      try {
        return switch (block.type()) {
          case "RSA PRIVATE KEY" -> GoKeys.pkcs1(block.bytes());
          case "EC PRIVATE KEY" -> GoKeys.sec1(block.bytes());
          default -> GoKeys.pkcs8(block.bytes());
        };
      } catch (GoKeys.KeyException e) {
        throw BuiltinException.error("tls: failed to parse private key");
      }
    }

    private static boolean matches(PublicKey a, PublicKey b) {
      return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    private static String latin1(byte[] b) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }
}
