package dev.verdict.parser;

/** Decoding of string literals: JSON escapes, and {@code \{} in template strings. */
final class Text {

  private Text() {}

  /**
   * The value of a {@code "…"} string body or a {@code $"…"} template part (with {@code braces}),
   * or null when it holds an escape JSON does not know.
   */
  static String unescape(String body, boolean braces) {
    int slash = body.indexOf('\\');
    if (slash < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length()).append(body, 0, slash);
    for (int i = slash; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == body.length()) {
        return null;
      }
      switch (body.charAt(i)) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 >= body.length()) {
            return null;
          }
          int code = hex(body, i + 1);
          if (code < 0) {
            return null;
          }
          out.append((char) code);
          i += 4;
        }
        case '{' -> {
          if (!braces) {
            return null;
          }
          out.append('{');
        }
        default -> {
          return null;
        }
      }
    }
    return out.toString();
  }

  /** A raw template part: only {@code \{} is an escape there. */
  static String unescapeRaw(String body) {
    return body.replace("\\{", "{");
  }

  private static int hex(String s, int from) {
    int code = 0;
    for (int i = from; i < from + 4; i++) {
      int digit = Character.digit(s.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      code = code * 16 + digit;
    }
    return code;
  }
}
