package dev.verdict.builtins;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

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

  static byte[] hmac(String algorithm, byte[] key, byte[] data) {
    try {
      return dev.verdict.builtins.pki.Hmac.compute(algorithm, key, data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }
}
