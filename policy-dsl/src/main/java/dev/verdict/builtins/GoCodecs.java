package dev.verdict.builtins;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Go's base64, hex and URL query codecs, with their error messages. */
final class GoCodecs {

  private GoCodecs() {}

  // ---- base64 ----

  private static final String STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  static String base64(byte[] data, boolean url, boolean pad) {
    String alphabet = url ? URL : STD;
    StringBuilder b = new StringBuilder((data.length + 2) / 3 * 4);
    for (int i = 0; i < data.length; i += 3) {
      int n = data.length - i;
      int v = (data[i] & 0xFF) << 16 | (n > 1 ? (data[i + 1] & 0xFF) << 8 : 0) | (n > 2 ? data[i + 2] & 0xFF : 0);
      b.append(alphabet.charAt(v >> 18 & 63)).append(alphabet.charAt(v >> 12 & 63));
      if (n > 1) {
        b.append(alphabet.charAt(v >> 6 & 63));
      } else if (pad) {
        b.append('=');
      }
      if (n > 2) {
        b.append(alphabet.charAt(v & 63));
      } else if (pad) {
        b.append('=');
      }
    }
    return b.toString();
  }

  /** Go's padded, non-strict decoding: CR and LF are skipped, errors name the offending byte. */
  static byte[] unbase64(String text, boolean url) {
    byte[] src = text.getBytes(StandardCharsets.UTF_8);
    String alphabet = url ? URL : STD;
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length / 4 * 3);
    int si = 0;
    while (si < src.length) {
      int[] buf = new int[4];
      int dlen = 4;
      boolean end = false;
      for (int j = 0; j < 4; j++) {
        if (si == src.length) {
          if (j == 0) {
            return out.toByteArray();
          }
          throw corrupt(si - j);
        }
        int in = src[si] & 0xFF;
        si++;
        int d = in < 128 ? alphabet.indexOf(in) : -1;
        if (d >= 0) {
          buf[j] = d;
          continue;
        }
        if (in == '\n' || in == '\r') {
          j--;
          continue;
        }
        if (in != '=' || j < 2) {
          throw corrupt(si - 1);
        }
        if (j == 2) {
          si = skipNewlines(src, si);
          if (si == src.length) {
            throw corrupt(src.length);
          }
          if (src[si] != '=') {
            throw corrupt(si - 1);
          }
          si++;
        }
        si = skipNewlines(src, si);
        if (si < src.length) {
          throw corrupt(si);
        }
        dlen = j;
        end = true;
        break;
      }
      int v = buf[0] << 18 | buf[1] << 12 | buf[2] << 6 | buf[3];
      out.write(v >> 16);
      if (dlen > 2) {
        out.write(v >> 8);
      }
      if (dlen > 3) {
        out.write(v);
      }
      if (end) {
        break;
      }
    }
    return out.toByteArray();
  }

  private static int skipNewlines(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }

  private static DecodeError corrupt(int at) {
    return new DecodeError("illegal base64 data at input byte " + at);
  }

  // ---- hex ----

  static String hex(byte[] data) {
    StringBuilder b = new StringBuilder(data.length * 2);
    for (byte x : data) {
      b.append(Character.forDigit(x >> 4 & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
    }
    return b.toString();
  }

  static byte[] unhex(String text) {
    byte[] src = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[src.length / 2];
    int j = 1;
    for (; j < src.length; j += 2) {
      int a = hexDigit(src[j - 1]);
      int b = hexDigit(src[j]);
      out[j / 2] = (byte) (a << 4 | b);
    }
    if (src.length % 2 == 1) {
      hexDigit(src[j - 1]);
      throw new DecodeError("encoding/hex: odd length hex string");
    }
    return out;
  }

  private static int hexDigit(byte c) {
    int d = Character.digit(c & 0xFF, 16);
    if (d < 0 || (c & 0xFF) > 'f') {
      throw new DecodeError("encoding/hex: invalid byte: " + GoFormat.sprintf("%#U", List.of((long) (c & 0xFF))));
    }
    return d;
  }

  // ---- URL query ----

  /** Go's {@code url.QueryEscape}: unreserved characters stay, space becomes '+'. */
  static String queryEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return b.toString();
  }

  /** Go's {@code url.QueryUnescape}. */
  static String queryUnescape(String s) {
    byte[] src = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length);
    for (int i = 0; i < src.length; i++) {
      int c = src[i];
      if (c == '%') {
        if (i + 2 >= src.length || Character.digit(src[i + 1], 16) < 0 || Character.digit(src[i + 2], 16) < 0) {
          String bad = new String(src, i, Math.min(3, src.length - i), StandardCharsets.UTF_8);
          throw new DecodeError("invalid URL escape " + GoStrconv.quote(bad));
        }
        out.write(Character.digit(src[i + 1], 16) << 4 | Character.digit(src[i + 2], 16));
        i += 2;
      } else {
        out.write(c == '+' ? ' ' : c);
      }
    }
    return GoStrings.fromUtf8(out.toByteArray());
  }

  /** Go's {@code url.ParseQuery}: keys in first-seen order, each with its values in order. */
  static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    DecodeError first = null;
    for (String part : query.split("&", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.indexOf(';') >= 0) {
        first = first != null ? first : new DecodeError("invalid semicolon separator in query");
        continue;
      }
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      try {
        String k = queryUnescape(key);
        String v = queryUnescape(value);
        out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      } catch (DecodeError e) {
        first = first != null ? first : e;
      }
    }
    if (first != null) {
      throw first;
    }
    return out;
  }
}
