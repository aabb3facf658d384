package dev.verdict.builtins.jwt;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Map;

/**
 * The JWS algorithms OPA knows, signing and verifying with the JDK's providers. HMAC keys of
 * any length are accepted, as OPA accepts them (nimbus' MAC signers insist on 256 bits).
 */
public enum JwsAlgorithm {
  HS256("HmacSHA256", 0), HS384("HmacSHA384", 0), HS512("HmacSHA512", 0),
  RS256("SHA256withRSA", 0), RS384("SHA384withRSA", 0), RS512("SHA512withRSA", 0),
  PS256("RSASSA-PSS", 256), PS384("RSASSA-PSS", 384), PS512("RSASSA-PSS", 512),
  ES256("SHA256withECDSA", 0), ES384("SHA384withECDSA", 0), ES512("SHA512withECDSA", 0),
  EdDSA("Ed25519", 0);

  private static final Map<String, JwsAlgorithm> BY_NAME =
      Arrays.stream(values()).collect(java.util.stream.Collectors.toMap(Enum::name, a -> a));

  private final String jca;
  private final int pssBits;

  JwsAlgorithm(String jca, int pssBits) {
    this.jca = jca;
    this.pssBits = pssBits;
  }

  /** The algorithm named in a JOSE header, or null when OPA does not know it. */
  public static JwsAlgorithm named(String name) {
    return BY_NAME.get(name);
  }

  public boolean isHmac() {
    return name().startsWith("HS");
  }

  /** True when the signature over {@code input} verifies with {@code key}; false on any mismatch. */
  public boolean verify(Object key, byte[] input, byte[] signature) {
    try {
      if (isHmac()) {
        byte[] secret = key instanceof byte[] b ? b : null;
        return secret != null && java.security.MessageDigest.isEqual(hmac(secret, input), signature);
      }
      if (!(key instanceof PublicKey pub) || !fits(pub)) {
        return false;
      }
      Signature s = signature();
      s.initVerify(pub);
      s.update(input);
      return s.verify(name().startsWith("ES") ? derOf(signature) : signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** Signs {@code input}; ECDSA signatures in JOSE's fixed-width r‖s form. */
  public byte[] sign(Object key, byte[] input) throws GeneralSecurityException {
    if (isHmac()) {
      if (!(key instanceof byte[] secret)) {
        throw new GeneralSecurityException("invalid key type for " + name());
      }
      return hmac(secret, input);
    }
    if (!(key instanceof PrivateKey priv) || !fits(priv)) {
      throw new GeneralSecurityException("invalid key type for " + name());
    }
    Signature s = signature();
    s.initSign(priv);
    s.update(input);
    byte[] out = s.sign();
    if (name().startsWith("ES")) {
      int size = (((ECKey) priv).getParams().getCurve().getField().getFieldSize() + 7) / 8;
      return joseOf(out, size);
    }
    return out;
  }

  private boolean fits(Key key) {
    return switch (name().substring(0, 2)) {
      case "RS", "PS" -> key instanceof RSAKey;
      case "ES" -> key instanceof ECKey;
      default -> key instanceof EdECPublicKey || key instanceof java.security.interfaces.EdECPrivateKey;
    };
  }

  private Signature signature() throws GeneralSecurityException {
    Signature s = Signature.getInstance(jca);
    if (pssBits != 0) {
      String hash = "SHA-" + pssBits;
      s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), pssBits / 8, 1));
    }
    return s;
  }

  private byte[] hmac(byte[] secret, byte[] input) throws GeneralSecurityException {
    return dev.verdict.builtins.pki.Hmac.compute(jca, secret, input);
  }

  /** r‖s split in halves, as OPA does, re-encoded as the DER sequence the JDK verifies. */
  static byte[] derOf(byte[] rs) {
    int n = rs.length / 2;
    byte[] r = new BigInteger(1, Arrays.copyOfRange(rs, 0, n)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(rs, n, rs.length)).toByteArray();
    byte[] body = new byte[4 + r.length + s.length];
    body[0] = 2;
    body[1] = (byte) r.length;
    System.arraycopy(r, 0, body, 2, r.length);
    body[2 + r.length] = 2;
    body[3 + r.length] = (byte) s.length;
    System.arraycopy(s, 0, body, 4 + r.length, s.length);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(0x30);
    if (body.length >= 0x80) {
      out.write(0x81);
    }
    out.write(body.length);
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A DER ECDSA signature as fixed-width r‖s. */
  static byte[] joseOf(byte[] der, int size) {
    int p = der[1] == (byte) 0x81 ? 3 : 2;
    int rLen = der[p + 1];
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(der, p + 2, p + 2 + rLen));
    int q = p + 2 + rLen;
    int sLen = der[q + 1];
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, q + 2, q + 2 + sLen));
    byte[] out = new byte[2 * size];
    put(r, out, 0, size);
    put(s, out, size, size);
    return out;
  }

  private static void put(BigInteger v, byte[] out, int off, int size) {
    byte[] b = v.toByteArray();
    int skip = b.length > size ? b.length - size : 0;
    System.arraycopy(b, skip, out, off + size - (b.length - skip), b.length - skip);
  }
}
