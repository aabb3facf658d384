package dev.verdict.value;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Text as opa (Go) writes it: JSON strings escaped like {@code encoding/json}, refs like opa prints them. */
public final class GoText {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS =
      Set.of("as", "contains", "default", "else", "every", "false", "if", "import", "in", "not", "null", "package", "some",
          "true", "with");

  private GoText() {}

  /** {@code .a.b} for keys a, b. */
  public static String refPath(List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      if (NAME.matcher(k).matches() && !KEYWORDS.contains(k)) {
        sb.append('.').append(k);
      } else {
        sb.append('[');
        quote(sb, k);
        sb.append(']');
      }
    }
    return sb.toString();
  }

  /** How Go writes each ASCII character that it escapes (HTML-safe: {@code < > &} too); null: as it is. */
  private static final String[] ESCAPES = new String[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = String.format("\\u%04x", c);
    }
    for (char c : "<>&".toCharArray()) {
      ESCAPES[c] = String.format("\\u%04x", (int) c);
    }
    String[][] named = {{"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\r", "\\r"}, {"\t", "\\t"}, {"\b", "\\b"}, {"\f", "\\f"}};
    for (String[] n : named) {
      ESCAPES[n[0].charAt(0)] = n[1];
    }
  }

  /** A JSON string as Go writes it: HTML-safe, U+2028/U+2029 escaped, lone surrogates as U+FFFD. */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < ESCAPES.length && ESCAPES[c] != null) {
        sb.append(ESCAPES[c]);
      } else if (c == '\u2028' || c == '\u2029') {
        sb.append(String.format("\\u%04x", (int) c));
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '\ufffd' : c);
      }
    }
    sb.append('"');
  }
}
