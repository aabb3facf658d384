package dev.verdict.service.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Shannon's stable canary bucket, reproduced exactly so that a rollout keeps the same subjects
 * when it moves from Shannon to Verdict: md5 of the values joined with {@code |}, first four bytes
 * as a big-endian unsigned number, mod 100.
 */
public final class CanaryBucket {

  private CanaryBucket() {}

  public static int of(String hashInput) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(hashInput.getBytes(StandardCharsets.UTF_8));
      long n = ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
      return (int) (n % 100);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is a required JDK algorithm", e);
    }
  }
}
