package dev.verdict.builtins.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import dev.verdict.builtins.pki.GoKeys;
import dev.verdict.builtins.pki.GoX509;
import dev.verdict.builtins.pki.Pem;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/** Keys for JWT verification and signing: PEM certificates and public keys, JWKs and JWK sets. */
public final class JwtKeys {

  private JwtKeys() {}

  /** A verification key with the algorithm and key id a JWK may name ("" when absent). */
  public record VerificationKey(Object key, String alg, String kid) {}

  /** Bad key material, with OPA's message. */
  public static final class KeyException extends Exception {
    public KeyException(String message) {
      super(message, null, false, false);
    }
  }

  /** OPA's getKeysFromCertOrJWK. */
  public static List<VerificationKey> verificationKeys(String text) throws KeyException {
    Pem.Decoded block = Pem.decode(text, 0);
    if (block != null) {
      if (block.next() < text.length()) {
        throw new KeyException("extra data after a PEM certificate block");
      }
      switch (block.block().type()) {
        case "CERTIFICATE" -> {
          try {
            return List.of(new VerificationKey(GoX509.parseCertificate(block.block().bytes()).jdk().getPublicKey(), "", ""));
          } catch (GoX509.X509Exception e) {
            throw new KeyException("failed to parse a PEM certificate: " + e.getMessage());
          }
        }
        case "PUBLIC KEY" -> {
          try {
            return List.of(new VerificationKey(GoKeys.publicKey(block.block().bytes()), "", ""));
          } catch (GoKeys.KeyException e) {
            throw new KeyException("failed to parse a PEM public key: " + e.getMessage());
          }
        }
        default -> throw new KeyException("failed to extract a Key from the PEM certificate");
      }
    }
    List<JWK> jwks;
    try {
      jwks = parseJwks(text);
    } catch (ParseException e) {
      throw new KeyException("failed to parse a JWK key (set): " + e.getMessage());
    }
    List<VerificationKey> keys = new ArrayList<>();
    for (JWK jwk : jwks) {
      String alg = jwk.getAlgorithm() == null ? "" : jwk.getAlgorithm().getName();
      if (!alg.isEmpty() && JwsAlgorithm.named(alg) == null) {
        continue; // keys for algorithms OPA does not know are skipped
      }
      try {
        keys.add(new VerificationKey(publicKey(jwk), alg, jwk.getKeyID() == null ? "" : jwk.getKeyID()));
      } catch (GeneralSecurityException | JOSEException e) {
        throw new KeyException("failed to parse a JWK key (set): " + e.getMessage());
      }
    }
    return keys;
  }

  /** A single JWK or a JWK set, as lestrrat-go/jwx's jwk.Parse accepts. */
  public static List<JWK> parseJwks(String text) throws ParseException {
    var json = com.nimbusds.jose.util.JSONObjectUtils.parse(text);
    if (json.containsKey("keys")) {
      return JWKSet.parse(json).getKeys();
    }
    return List.of(JWK.parse(json));
  }

  /** The key to verify with: a public key, or the bytes of a symmetric key. */
  static Object publicKey(JWK jwk) throws GeneralSecurityException, JOSEException {
    return switch (jwk) {
      case OctetSequenceKey oct -> oct.toByteArray();
      case OctetKeyPair okp -> ed25519Public(okp.getDecodedX());
      case AsymmetricJWK asym -> asym.toPublicKey();
      default -> throw new GeneralSecurityException("unsupported key type " + jwk.getKeyType());
    };
  }

  /** The key to sign with: a private key, or the bytes of a symmetric key. */
  public static Object signingKey(JWK jwk) throws GeneralSecurityException, JOSEException {
    return switch (jwk) {
      case OctetSequenceKey oct -> oct.toByteArray();
      case OctetKeyPair okp when okp.isPrivate() && Curve.Ed25519.equals(okp.getCurve()) ->
          KeyFactory.getInstance("Ed25519").generatePrivate(
              new EdECPrivateKeySpec(NamedParameterSpec.ED25519, okp.getDecodedD()));
      case AsymmetricJWK asym when jwk.isPrivate() -> {
        PrivateKey k = asym.toPrivateKey();
        if (k == null) {
          throw new GeneralSecurityException("no private key in JWK");
        }
        yield k;
      }
      default -> throw new GeneralSecurityException("failed to retrieve private key from JWK");
    };
  }

  /** An Ed25519 public key from its 32-byte RFC 8032 encoding. */
  static PublicKey ed25519Public(byte[] raw) throws GeneralSecurityException {
    byte[] le = raw.clone();
    boolean xOdd = (le[le.length - 1] & 0x80) != 0;
    le[le.length - 1] &= 0x7f;
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    return KeyFactory.getInstance("Ed25519").generatePublic(
        new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, be))));
  }
}
