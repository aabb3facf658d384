package dev.verdict.builtins.pki;

import static dev.verdict.builtins.pki.GoJson.bytes;
import static dev.verdict.builtins.pki.GoJson.num;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.verdict.builtins.pki.Der.DerException;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys parsed from PEM/DER as Go's x509 does (PKCS#1, PKCS#8, SEC1), and shown as Go marshals
 * them: {@code {"N", "E"}} for RSA, {@code {"Curve", "X", "Y"}} for ECDSA, base64 for Ed25519.
 */
public final class GoKeys {

  private static final byte[] RSA_ALG = hex("300d06092a864886f70d0101010500");
  private static final String EC_OID = "1.2.840.10045.2.1";

  private GoKeys() {}

  /** A key pair member that could not be parsed, with Go's message. */
  public static final class KeyException extends Exception {
    public KeyException(String message) {
      super(message, null, false, false);
    }
  }

  /** OPA's getPrivateKeysFromPEMData: RSA PRIVATE KEY, PRIVATE KEY and EC PRIVATE KEY blocks. */
  public static List<PrivateKey> privateKeysFromPem(String pemData) throws KeyException {
    String text = pemData;
    try {
      text = new String(GoBase64.STD.decode(pemData), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException notBase64) {
      // the input is PEM text already
    }
    List<PrivateKey> keys = new ArrayList<>();
    for (Pem block : Pem.decodeAll(text)) {
      switch (block.type()) {
        case "RSA PRIVATE KEY" -> keys.add(pkcs1(block.bytes()));
        case "PRIVATE KEY" -> keys.add(pkcs8(block.bytes()));
        case "EC PRIVATE KEY" -> keys.add(sec1(block.bytes()));
        default -> {}
      }
    }
    return keys;
  }

  public static PrivateKey pkcs1(byte[] der) throws KeyException {
    try {
      Der.parse(der).expect(Der.SEQUENCE);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Wrap(RSA_ALG, der)));
    } catch (DerException | GeneralSecurityException e) {
      throw new KeyException("x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)");
    }
  }

  public static PrivateKey pkcs8(byte[] der) throws KeyException {
    for (String alg : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new KeyException("x509: failed to parse private key");
  }

  /** SEC1 "EC PRIVATE KEY": re-wrapped as PKCS#8 with the curve from its parameters. */
  public static PrivateKey sec1(byte[] der) throws KeyException {
    try {
      String curve = null;
      for (Der part : Der.parse(der).expect(Der.SEQUENCE).children()) {
        if (part.isContext(0)) {
          curve = part.children().get(0).oidString();
        }
      }
      if (curve == null) {
        throw new KeyException("x509: failed to parse EC private key: missing curve");
      }
      byte[] alg = sequence(concat(oidBytes(EC_OID), oidBytes(curve)));
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Wrap(alg, der)));
    } catch (DerException | GeneralSecurityException e) {
      throw new KeyException("x509: failed to parse EC private key: " + e.getMessage());
    }
  }

  /** A public key from a SubjectPublicKeyInfo. */
  public static PublicKey publicKey(byte[] spki) throws KeyException {
    for (String alg : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new KeyException("x509: unsupported public key");
  }

  /** The public half of a private key. */
  public static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
    return switch (key) {
      case RSAPrivateCrtKey rsa -> KeyFactory.getInstance("RSA").generatePublic(
          new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      case ECPrivateKey ec -> KeyFactory.getInstance("EC").generatePublic(
          new ECPublicKeySpec(multiply(ec.getParams(), ec.getS()), ec.getParams()));
      case EdECPrivateKey ed -> publicOfEd(ed);
      default -> throw new GeneralSecurityException("unsupported private key type " + key.getAlgorithm());
    };
  }

  /** The key as a JWK (OPA's crypto.x509.parse_rsa_private_key output). */
  public static JWK jwk(PrivateKey key) throws GeneralSecurityException {
    return switch (key) {
      case RSAPrivateCrtKey rsa -> new RSAKey.Builder((RSAPublicKey) publicOf(rsa)).privateKey(rsa).build();
      case ECPrivateKey ec -> new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), (ECPublicKey) publicOf(ec))
          .privateKey(ec).build();
      default -> throw new GeneralSecurityException("unknown key type " + key.getAlgorithm());
    };
  }

  public static Value publicKey(PublicKey key) {
    return switch (key) {
      case RSAPublicKey rsa -> ObjectValue.builder().put("N", num(rsa.getModulus()))
          .put("E", num(rsa.getPublicExponent())).build();
      case ECPublicKey ec -> ObjectValue.builder().put("Curve", ObjectValue.EMPTY)
          .put("X", num(ec.getW().getAffineX())).put("Y", num(ec.getW().getAffineY())).build();
      case EdECPublicKey ed -> bytes(ed25519Public(key));
      default -> NullValue.NULL;
    };
  }

  public static Value privateKey(PrivateKey key) throws GeneralSecurityException {
    return switch (key) {
      case RSAPrivateCrtKey rsa -> ObjectValue.builder()
          .put("N", num(rsa.getModulus())).put("E", num(rsa.getPublicExponent()))
          .put("D", num(rsa.getPrivateExponent()))
          .put("Primes", ArrayValue.of(num(rsa.getPrimeP()), num(rsa.getPrimeQ())))
          .put("Precomputed", ObjectValue.builder().put("Dp", num(rsa.getPrimeExponentP()))
              .put("Dq", num(rsa.getPrimeExponentQ())).put("Qinv", num(rsa.getCrtCoefficient()))
              .put("CRTValues", ArrayValue.EMPTY).build())
          .build();
      case ECPrivateKey ec -> {
        ECPoint w = multiply(ec.getParams(), ec.getS());
        yield ObjectValue.builder().put("Curve", ObjectValue.EMPTY).put("X", num(w.getAffineX()))
            .put("Y", num(w.getAffineY())).put("D", num(ec.getS())).build();
      }
      case EdECPrivateKey ed -> {
        byte[] seed = ed.getBytes().orElseThrow();
        yield bytes(concat(seed, ed25519Public(publicOfEd(key))));
      }
      default -> NullValue.NULL;
    };
  }

  private static PublicKey publicOfEd(PrivateKey key) throws GeneralSecurityException {
    // the JDK has no API deriving an Ed25519 public key; its generator draws the private seed
    // from the random source, so a source that returns the seed rebuilds the pair
    var kpg = java.security.KeyPairGenerator.getInstance("Ed25519");
    byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
    kpg.initialize(new java.security.spec.NamedParameterSpec("Ed25519"), new FixedRandom(seed));
    return kpg.generateKeyPair().getPublic();
  }

  /** Hands out fixed bytes, so that the JDK's Ed25519 generator rebuilds a known key pair. */
  private static final class FixedRandom extends java.security.SecureRandom {
    private final byte[] bytes;

    FixedRandom(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, out.length));
    }
  }

  /** The raw 32 bytes of an Ed25519 public key (the tail of its X.509 encoding). */
  static byte[] ed25519Public(PublicKey key) {
    byte[] enc = key.getEncoded();
    return java.util.Arrays.copyOfRange(enc, enc.length - 32, enc.length);
  }

  /** d·G on a prime curve, affine double-and-add: only to show a private key's public point. */
  static ECPoint multiply(ECParameterSpec spec, BigInteger d) {
    BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
    BigInteger a = spec.getCurve().getA();
    ECPoint result = ECPoint.POINT_INFINITY;
    ECPoint addend = spec.getGenerator();
    for (int i = 0; i < d.bitLength(); i++) {
      if (d.testBit(i)) {
        result = add(result, addend, p, a);
      }
      addend = add(addend, addend, p, a);
    }
    return result;
  }

  private static ECPoint add(ECPoint s, ECPoint t, BigInteger p, BigInteger a) {
    if (s.equals(ECPoint.POINT_INFINITY)) {
      return t;
    }
    if (t.equals(ECPoint.POINT_INFINITY)) {
      return s;
    }
    BigInteger x1 = s.getAffineX();
    BigInteger y1 = s.getAffineY();
    BigInteger x2 = t.getAffineX();
    BigInteger y2 = t.getAffineY();
    BigInteger lambda;
    if (x1.equals(x2)) {
      if (!y1.equals(y2) || y1.signum() == 0) {
        return ECPoint.POINT_INFINITY;
      }
      lambda = x1.pow(2).multiply(BigInteger.valueOf(3)).add(a).multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
    } else {
      lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
    }
    BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(p);
    BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
    return new ECPoint(x3, y3);
  }

  // --- minimal DER writing for PKCS#8 wrappers ---

  private static byte[] pkcs8Wrap(byte[] algorithmIdentifier, byte[] key) {
    return sequence(concat(new byte[] {2, 1, 0}, algorithmIdentifier, tlv(Der.OCTET_STRING, key)));
  }

  private static byte[] sequence(byte[] content) {
    return tlv(Der.SEQUENCE, content);
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write(n >> 8);
      out.write(n);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] oidBytes(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long first = Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]);
    base128(out, first);
    for (int i = 2; i < parts.length; i++) {
      base128(out, Long.parseLong(parts[i]));
    }
    return tlv(Der.OID, out.toByteArray());
  }

  private static void base128(ByteArrayOutputStream out, long v) {
    int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
    for (int g = groups - 1; g >= 0; g--) {
      int b = (int) ((v >>> (7 * g)) & 0x7f);
      out.write(g == 0 ? b : b | 0x80);
    }
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] hex(String s) {
    return java.util.HexFormat.of().parseHex(s);
  }
}
