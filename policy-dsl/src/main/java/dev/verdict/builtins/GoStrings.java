package dev.verdict.builtins;

/** Pieces of Go's {@code strings} and {@code unicode/utf8} packages that differ from Java's. */
final class GoStrings {

  private GoStrings() {}

  /** Go's decimal floating-point syntax (strconv.ParseFloat, big.Rat and big.Float SetString). */
  static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** Go's {@code unicode.IsSpace}: Java's isWhitespace differs on U+0085, U+00A0, U+1C-U+1F and others. */
  static boolean isSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.TrimLeft}: drops leading code points found in {@code cutset}. */
  static String trimLeft(String s, String cutset) {
    int start = 0;
    while (start < s.length() && contains(cutset, s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    return s.substring(start);
  }

  static String trimRight(String s, String cutset) {
    int end = s.length();
    while (end > 0 && contains(cutset, s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(0, end);
  }

  private static boolean contains(String cutset, int c) {
    return cutset.indexOf(c) >= 0;
  }

  /** A backslash before every character of {@code s} found in {@code specials}. */
  static String backslashEscape(String s, String specials) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (specials.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * Decodes UTF-8 as Go converts bytes to runes: every byte that does not start a valid sequence
   * becomes one U+FFFD (Java would fold a truncated sequence into a single one).
   */
  static String fromUtf8(byte[] b) {
    StringBuilder out = new StringBuilder(b.length);
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        out.append((char) c);
        i++;
        continue;
      }
      int n;
      int cp;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        cp = c & 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        cp = c & 0x0F;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        cp = c & 0x07;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        out.append('\uFFFD');
        i++;
        continue;
      }
      boolean ok = i + n < b.length;
      if (ok) {
        for (int k = 1; k <= n; k++) {
          int cc = b[i + k] & 0xFF;
          if (cc < (k == 1 ? lo : 0x80) || cc > (k == 1 ? hi : 0xBF)) {
            ok = false;
            break;
          }
          cp = (cp << 6) | (cc & 0x3F);
        }
      }
      if (ok) {
        out.appendCodePoint(cp);
        i += n + 1;
      } else {
        out.append('\uFFFD');
        i++;
      }
    }
    return out.toString();
  }
}
