package dev.verdict.builtins;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv} as fmt and OPA use it: float formatting ({@code FormatFloat} with e, f
 * and g, shortest or at a precision, rounding the exact binary value half to even) and quoting
 * ({@code Quote}, {@code QuoteToASCII}, {@code IsPrint}).
 */
final class GoStrconv {

  private GoStrconv() {}

  /** Go's {@code strconv.FormatFloat(v, fmt, prec, 64)} for e, E, f, g and G. */
  static String formatFloat(double v, int fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = v < 0 || (v == 0 && 1 / v < 0);
    double a = Math.abs(v);
    String digits;
    int point;
    boolean shortest = prec < 0;
    if (a == 0) {
      digits = "";
      point = 0;
    } else if (shortest) {
      BigDecimal d = new BigDecimal(Double.toString(a)).stripTrailingZeros();
      digits = d.unscaledValue().toString();
      point = digits.length() - d.scale();
    } else {
      BigDecimal exact = new BigDecimal(a);
      int sig = switch (fmt) {
        case 'e', 'E' -> prec + 1;
        case 'g', 'G' -> prec == 0 ? 1 : prec;
        default -> -1;
      };
      BigDecimal rounded;
      if (sig > 0) {
        rounded = exact.round(new MathContext(sig, RoundingMode.HALF_EVEN));
      } else {
        rounded = exact.setScale(prec, RoundingMode.HALF_EVEN);
      }
      rounded = rounded.signum() == 0 ? BigDecimal.ZERO : rounded.stripTrailingZeros();
      digits = rounded.signum() == 0 ? "" : rounded.unscaledValue().toString();
      point = rounded.signum() == 0 ? 0 : digits.length() - rounded.scale();
    }
    StringBuilder b = new StringBuilder();
    if (neg) {
      b.append('-');
    }
    switch (fmt) {
      case 'e', 'E' -> fmtE(b, digits, point, shortest ? Math.max(digits.length() - 1, 0) : prec, fmt);
      case 'f' -> fmtF(b, digits, point, shortest ? Math.max(digits.length() - point, 0) : prec);
      default -> {
        int p = shortest ? digits.length() : prec == 0 ? 1 : prec;
        int eprec = p;
        if (eprec > digits.length() && digits.length() >= point) {
          eprec = digits.length();
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = point - 1;
        if (digits.isEmpty()) {
          exp = 0;
        }
        if (exp < -4 || exp >= eprec) {
          if (p > digits.length()) {
            p = digits.length();
          }
          fmtE(b, digits, point, Math.max(p - 1, 0), fmt == 'G' ? 'E' : 'e');
        } else {
          if (p > point) {
            p = digits.length();
          }
          fmtF(b, digits, point, Math.max(p - point, 0));
        }
      }
    }
    return b.toString();
  }

  private static char digitAt(String digits, int i) {
    return i >= 0 && i < digits.length() ? digits.charAt(i) : '0';
  }

  private static void fmtE(StringBuilder b, String digits, int point, int prec, int fmt) {
    b.append(digits.isEmpty() ? '0' : digits.charAt(0));
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        b.append(digitAt(digits, i));
      }
    }
    b.append((char) fmt);
    int exp = digits.isEmpty() ? 0 : point - 1;
    b.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      b.append('0');
    }
    b.append(exp);
  }

  private static void fmtF(StringBuilder b, String digits, int point, int prec) {
    if (point > 0) {
      for (int i = 0; i < point; i++) {
        b.append(digitAt(digits, i));
      }
    } else {
      b.append('0');
    }
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        b.append(digitAt(digits, point + i - 1));
      }
    }
  }

  /** Go's {@code strconv.Quote}. */
  static String quote(String s) {
    return quoteWith(s, '"', false);
  }

  static String quoteAscii(String s) {
    return quoteWith(s, '"', true);
  }

  static String quoteRune(long r, boolean ascii) {
    int cp = r < 0 || r > Character.MAX_CODE_POINT || (r >= 0xD800 && r <= 0xDFFF) ? 0xFFFD : (int) r;
    return quoteWith(new String(Character.toChars(cp)), '\'', ascii);
  }

  static String runeString(long r) {
    int cp = r < 0 || r > Character.MAX_CODE_POINT || (r >= 0xD800 && r <= 0xDFFF) ? 0xFFFD : (int) r;
    return new String(Character.toChars(cp));
  }

  private static String quoteWith(String s, char q, boolean ascii) {
    StringBuilder b = new StringBuilder(s.length() + 2).append(q);
    for (int k = 0; k < s.length(); ) {
      int c = s.codePointAt(k);
      k += Character.charCount(c);
      if (c == q || c == '\\') {
        b.append('\\').appendCodePoint(c);
      } else if (ascii ? c < 0x80 && isPrint(c) : isPrint(c)) {
        b.appendCodePoint(c);
      } else {
        switch (c) {
          case 0x07 -> b.append("\\a");
          case '\b' -> b.append("\\b");
          case '\f' -> b.append("\\f");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          case 0x0B -> b.append("\\v");
          default -> {
            if (c < ' ' || c == 0x7F) {
              b.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
              b.append(String.format("\\u%04x", c));
            } else {
              b.append(String.format("\\U%08x", c));
            }
          }
        }
      }
    }
    return b.append(q).toString();
  }

  static boolean canBackquote(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '`' || c == 0xFEFF || (c < ' ' && c != '\t') || c == 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** Approximates Go's {@code unicode.IsPrint}: graphic characters and the ASCII space. */
  static boolean isPrint(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }
}
