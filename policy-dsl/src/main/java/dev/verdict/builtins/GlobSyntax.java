package dev.verdict.builtins;

/**
 * gobwas/glob patterns translated to RE2: {@code *} is any run of non-delimiters, {@code **} any
 * run at all, {@code ?} one non-delimiter, {@code [abc]} / {@code [a-z]} / {@code [!...]}
 * character lists and ranges, {@code {a,b}} alternatives (which may nest), backslash escapes.
 * The lexer's and parser's error messages are gobwas's.
 */
final class GlobSyntax {

  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private final int[] src;
  private final String delimiterClass;
  private int pos;
  private int termsDepth;
  private final StringBuilder out = new StringBuilder("(?s)");

  private GlobSyntax(String pattern, String delimiters) {
    this.src = pattern.codePoints().toArray();
    StringBuilder d = new StringBuilder();
    delimiters.codePoints().forEach(c -> appendEscaped(d, c));
    this.delimiterClass = d.toString();
  }

  static String toRegex(String pattern, String delimiters) {
    GlobSyntax g = new GlobSyntax(pattern, delimiters);
    g.sequence();
    // An unclosed alternative is taken as closed, as gobwas's parser does.
    g.out.append(")".repeat(g.termsDepth));
    return g.out.toString();
  }

  private void sequence() {
    while (pos < src.length) {
      int c = src[pos];
      if (c == '{') {
        pos++;
        termsDepth++;
        out.append("(?:");
      } else if (c == ',' && termsDepth > 0) {
        pos++;
        out.append('|');
      } else if (c == '}' && termsDepth > 0) {
        pos++;
        termsDepth--;
        out.append(')');
      } else if (c == '[') {
        pos++;
        range();
      } else if (c == '?') {
        pos++;
        out.append(delimiterClass.isEmpty() ? "." : "[^" + delimiterClass + "]");
      } else if (c == '*') {
        pos++;
        if (pos < src.length && src[pos] == '*') {
          pos++;
          out.append(".*");
        } else {
          out.append(delimiterClass.isEmpty() ? ".*" : "[^" + delimiterClass + "]*");
        }
      } else {
        text(termsDepth > 0 ? "?*[{}," : "?*[{", out);
      }
    }
  }

  /** Literal text up to a breaker; a backslash escapes the next character, a trailing one is dropped. */
  private int text(String breakers, StringBuilder into) {
    int count = 0;
    boolean escaped = false;
    while (pos < src.length) {
      int c = src[pos];
      if (!escaped) {
        if (c == '\\') {
          escaped = true;
          pos++;
          continue;
        }
        if (breakers.indexOf(c) >= 0) {
          break;
        }
      }
      escaped = false;
      appendEscaped(into, c);
      count++;
      pos++;
    }
    return count;
  }

  /** {@code [!?lo-hi]} or {@code [!?chars]}, after gobwas's lexer and parser. */
  private void range() {
    boolean not = false;
    if (pos < src.length && src[pos] == '!') {
      not = true;
      pos++;
    }
    if (pos >= src.length) {
      throw new Invalid("unexpected end of input");
    }
    StringBuilder cls = new StringBuilder();
    if (pos + 1 < src.length && src[pos + 1] == '-') {
      int lo = src[pos];
      pos += 2;
      if (pos >= src.length) {
        throw new Invalid("unexpected end of input");
      }
      int hi = src[pos++];
      if (pos >= src.length) {
        throw new Invalid("unexpected end of input");
      }
      if (src[pos] != ']') {
        throw new Invalid("expected close range character");
      }
      pos++;
      if (hi < lo) {
        throw new Invalid("hi character '" + new String(Character.toChars(hi)) + "' should be greater than lo '"
            + new String(Character.toChars(lo)) + "'");
      }
      appendEscaped(cls, lo);
      cls.append('-');
      appendEscaped(cls, hi);
    } else {
      int n = text("]", cls);
      if (pos >= src.length) {
        throw new Invalid("unexpected end of input");
      }
      pos++;
      if (n == 0) {
        throw new Invalid("could not parse range");
      }
    }
    out.append(not ? "[^" : "[").append(cls).append(']');
  }

  /** Letters and digits as they are, anything else as an RE2 hex escape. */
  private static void appendEscaped(StringBuilder b, int c) {
    if (c < 0x80 && Character.isLetterOrDigit(c)) {
      b.append((char) c);
    } else {
      b.append("\\x{").append(Integer.toHexString(c)).append('}');
    }
  }
}
