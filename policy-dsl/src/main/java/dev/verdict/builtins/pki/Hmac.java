package dev.verdict.builtins.pki;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/** HMAC with any key, the empty one included: SecretKeySpec refuses an empty key, Go does not. */
public final class Hmac {

  private Hmac() {}

  /** {@code algorithm} is a JCA name such as HmacSHA256. */
  public static byte[] compute(String algorithm, byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new RawKey(algorithm, key));
    return mac.doFinal(data);
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
