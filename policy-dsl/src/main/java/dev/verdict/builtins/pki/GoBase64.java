package dev.verdict.builtins.pki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code encoding/base64} decoders: padding as the encoding demands, CR and LF ignored, and
 * Go's message {@code illegal base64 data at input byte N} on bad input.
 */
public final class GoBase64 {

  public static final GoBase64 STD = new GoBase64(
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", true);
  public static final GoBase64 URL = new GoBase64(
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", true);
  public static final GoBase64 RAW_URL = new GoBase64(
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", false);

  private final int[] decodeMap = new int[256];
  private final boolean padded;

  private GoBase64(String alphabet, boolean padded) {
    java.util.Arrays.fill(decodeMap, -1);
    for (int i = 0; i < alphabet.length(); i++) {
      decodeMap[alphabet.charAt(i)] = i;
    }
    this.padded = padded;
  }

  /** Bad input, with Go's message. */
  public static final class CorruptInputException extends IllegalArgumentException {
    CorruptInputException(int at) {
      super("illegal base64 data at input byte " + at, null);
    }
  }

  public byte[] decode(String s) {
    return decode(s.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] decode(byte[] src) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4);
    int si = 0;
    while (si < src.length) {
      si = quantum(src, si, out);
    }
    return out.toByteArray();
  }

  /** Decodes one group of four characters (Go's decodeQuantum); returns the next input index. */
  private int quantum(byte[] src, int si, ByteArrayOutputStream out) {
    int[] dbuf = new int[4];
    int dlen = 4;
    for (int j = 0; j < 4; j++) {
      if (src.length == si) {
        if (j == 0) {
          return si;
        }
        if (j == 1 || padded) {
          throw new CorruptInputException(si - j);
        }
        dlen = j;
        break;
      }
      int in = src[si] & 0xff;
      si++;
      int v = decodeMap[in];
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (in == '\n' || in == '\r') {
        j--;
        continue;
      }
      if (!padded || in != '=') {
        throw new CorruptInputException(si - 1);
      }
      // padding ends the input
      if (j < 2) {
        throw new CorruptInputException(si - 1);
      }
      if (j == 2) {
        si = skipNewlines(src, si);
        if (si == src.length) {
          throw new CorruptInputException(src.length);
        }
        if (src[si] != '=') {
          throw new CorruptInputException(si - 1);
        }
        si++;
      }
      si = skipNewlines(src, si);
      if (si < src.length) {
        throw new CorruptInputException(si);
      }
      dlen = j;
      break;
    }
    int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
    out.write(val >> 16);
    if (dlen > 2) {
      out.write(val >> 8);
    }
    if (dlen > 3) {
      out.write(val);
    }
    return si;
  }

  private static int skipNewlines(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }
}
