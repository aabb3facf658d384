package dev.verdict.builtins;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/** Digests and HMACs over UTF-8 text, shared by the crypto and AWS signing builtins. */
final class Hashing {

  private Hashing() {}

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  static byte[] digest(String algorithm, String text) {
    return digest(algorithm, text.getBytes(StandardCharsets.UTF_8));
  }

  /** HMAC with any key, the empty one included (SecretKeySpec refuses an empty key; Go does not). */
  static byte[] hmac(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new RawKey(algorithm, key));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  private record RawKey(String getAlgorithm, byte[] bytes) implements SecretKey {
    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return bytes.clone();
    }
  }
}
