package dev.verdict.builtins;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Go's {@code fmt.Sprintf} for the argument types OPA's {@code sprintf} hands it: {@code int}
 * ({@link Long}), {@code *big.Int} ({@link BigInteger}), {@code float64} ({@link Double}) and
 * {@code string} ({@link String}). Flags, width, precision, argument indexes, Go's error
 * renderings ({@code %!d(string=x)}, {@code %!s(MISSING)}, {@code %!(EXTRA …)}) and its number
 * formatting ({@code %v} of a float is {@code %g} with the shortest digits) follow Go.
 */
final class GoFormat {

  private GoFormat() {}

  /** One directive's flags, width and precision. */
  private static final class Spec {
    boolean sharp, zero, plus, minus, space, sharpV, plusV;
    int width, prec;
    boolean widthSet, precSet;
  }

  /** Where {@link #sprintf} stands in the format and the arguments. */
  private static final class Cursor {
    final String format;
    final int numArgs;
    int i;
    int argNum;
    boolean reordered;
    boolean goodArgNum;
    boolean afterIndex;

    Cursor(String format, int numArgs) {
      this.format = format;
      this.numArgs = numArgs;
    }

    /** Consumes an argument index {@code [n]} if one stands here, as Go's {@code argNumber}. */
    void index() {
      afterIndex = false;
      if (i >= format.length() || format.charAt(i) != '[') {
        return;
      }
      reordered = true;
      int close = format.indexOf(']', i + 1);
      if (close < 0 || format.length() - i < 3) {
        goodArgNum = false;
        i++;
        return;
      }
      String n = format.substring(i + 1, close);
      i = close + 1;
      if (n.isEmpty() || n.length() > 6 || !n.chars().allMatch(Character::isDigit)) {
        goodArgNum = false;
        return;
      }
      afterIndex = true;
      int index = Integer.parseInt(n) - 1;
      if (index < 0 || index >= numArgs) {
        goodArgNum = false;
      } else {
        argNum = index;
      }
    }

    /** A run of digits, or null when there is none. */
    Integer digits() {
      int start = i;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        i++;
      }
      return i == start ? null : i - start > 6 ? 1_000_000 : Integer.parseInt(format.substring(start, i));
    }

    /** A '*' width or precision taken from the next argument: null when that argument is not a small int. */
    Integer star(List<Object> args) {
      i++;
      Integer v = argNum < args.size() && args.get(argNum) instanceof Long l && Math.abs(l) <= 1_000_000 ? l.intValue() : null;
      argNum++;
      afterIndex = false;
      return v;
    }
  }

  static String sprintf(String format, List<Object> args) {
    StringBuilder out = new StringBuilder(format.length() + 16);
    Cursor c = new Cursor(format, args.size());
    int end = format.length();
    while (c.i < end) {
      int pct = format.indexOf('%', c.i);
      if (pct < 0) {
        out.append(format, c.i, end);
        break;
      }
      out.append(format, c.i, pct);
      c.i = pct + 1;
      Spec f = flags(c);
      c.goodArgNum = true;
      c.index();
      if (c.i < end && format.charAt(c.i) == '*') {
        Integer w = c.star(args);
        if (w == null) {
          out.append("%!(BADWIDTH)");
        } else {
          f.widthSet = true;
          f.width = Math.abs(w);
          if (w < 0) {
            f.minus = true;
            f.zero = false;
          }
        }
      } else {
        Integer w = c.digits();
        if (w != null) {
          f.widthSet = true;
          f.width = w;
          c.goodArgNum &= !c.afterIndex; // "%[3]2d"
        }
      }
      if (c.i + 1 < end && format.charAt(c.i) == '.') {
        c.i++;
        c.goodArgNum &= !c.afterIndex; // "%[3].2d"
        c.index();
        if (c.i < end && format.charAt(c.i) == '*') {
          Integer p = c.star(args);
          if (p == null) {
            out.append("%!(BADPREC)");
          } else if (p >= 0) {
            f.precSet = true;
            f.prec = p;
          }
        } else {
          Integer p = c.digits();
          f.precSet = true;
          f.prec = p == null ? 0 : p;
        }
      }
      if (!c.afterIndex) {
        c.index();
      }
      if (c.i >= end) {
        out.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(c.i);
      c.i += Character.charCount(verb);
      if (verb == '%') {
        out.append('%');
      } else if (!c.goodArgNum) {
        out.append("%!").appendCodePoint(verb).append("(BADINDEX)");
      } else if (c.argNum >= args.size()) {
        out.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        if (verb == 'v') {
          f.sharpV = f.sharp;
          f.sharp = false;
          f.plusV = f.plus;
          f.plus = false;
        }
        printArg(out, f, args.get(c.argNum), verb);
        c.argNum++;
      }
    }
    if (!c.reordered && c.argNum < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = c.argNum; k < args.size(); k++) {
        if (k > c.argNum) {
          out.append(", ");
        }
        out.append(typeName(args.get(k))).append('=');
        printArg(out, new Spec(), args.get(k), 'v');
      }
      out.append(')');
    }
    return out.toString();
  }

  private static Spec flags(Cursor c) {
    Spec f = new Spec();
    for (; c.i < c.format.length(); c.i++) {
      switch (c.format.charAt(c.i)) {
        case '#' -> f.sharp = true;
        case '0' -> f.zero = !f.minus;
        case '+' -> f.plus = true;
        case '-' -> {
          f.minus = true;
          f.zero = false;
        }
        case ' ' -> f.space = true;
        default -> {
          return f;
        }
      }
    }
    return f;
  }

  static String typeName(Object arg) {
    return switch (arg) {
      case Long l -> "int";
      case BigInteger b -> "*big.Int";
      case Double d -> "float64";
      default -> "string";
    };
  }

  private static void printArg(StringBuilder out, Spec f, Object arg, int verb) {
    if (verb == 'T') {
      padString(out, f, typeName(arg));
      return;
    }
    switch (arg) {
      case Long l -> formatInt(out, f, l, verb);
      case BigInteger b -> formatBigInt(out, f, b, verb);
      case Double d -> formatFloat(out, f, d, verb);
      default -> formatString(out, f, (String) arg, verb);
    }
  }

  private static void badVerb(StringBuilder out, Spec f, Object arg, int verb) {
    out.append("%!").appendCodePoint(verb).append('(').append(typeName(arg)).append('=');
    printArg(out, f, arg, 'v');
    out.append(')');
  }

  // ---- integers ----

  private static final String LOWER = "0123456789abcdefx";
  private static final String UPPER = "0123456789ABCDEFX";

  private static void formatInt(StringBuilder out, Spec f, long v, int verb) {
    switch (verb) {
      case 'v', 'd' -> integer(out, f, v, 10, verb);
      case 'b' -> integer(out, f, v, 2, verb);
      case 'o', 'O' -> integer(out, f, v, 8, verb);
      case 'x', 'X' -> integer(out, f, v, 16, verb);
      case 'c' -> padString(out, f, GoStrconv.runeString(v));
      case 'q' -> padString(out, f, GoStrconv.quoteRune(v, f.plus));
      case 'U' -> unicode(out, f, v);
      default -> badVerb(out, f, v, verb);
    }
  }

  /** Go's {@code fmt.fmtInteger}: precision or zero padding as leading digits, then prefixes. */
  private static void integer(StringBuilder out, Spec f, long v, int base, int verb) {
    boolean negative = v < 0;
    int prec = 0;
    if (f.precSet) {
      prec = f.prec;
      if (prec == 0 && v == 0) {
        boolean oldZero = f.zero;
        f.zero = false;
        writePadding(out, f, f.width);
        f.zero = oldZero;
        return;
      }
    } else if (f.zero && f.widthSet) {
      prec = f.width;
      if (negative || f.plus || f.space) {
        prec--;
      }
    }
    // Long.MIN_VALUE has no positive long; its unsigned text is right.
    String text = negative ? Long.toUnsignedString(-v, base) : Long.toString(v, base);
    if (verb == 'X') {
      text = text.toUpperCase();
    }
    StringBuilder b = new StringBuilder();
    for (int k = text.length(); k < prec; k++) {
      b.append('0');
    }
    b.append(text);
    if (f.sharp) {
      switch (base) {
        case 2 -> b.insert(0, "0b");
        case 8 -> {
          if (b.charAt(0) != '0') {
            b.insert(0, '0');
          }
        }
        case 16 -> b.insert(0, verb == 'X' ? "0X" : "0x");
        default -> {}
      }
    }
    if (verb == 'O') {
      b.insert(0, "0o");
    }
    if (negative) {
      b.insert(0, '-');
    } else if (f.plus) {
      b.insert(0, '+');
    } else if (f.space) {
      b.insert(0, ' ');
    }
    boolean oldZero = f.zero;
    f.zero = false;
    padString(out, f, b.toString());
    f.zero = oldZero;
  }

  private static void unicode(StringBuilder out, Spec f, long v) {
    String hex = Long.toHexString(v).toUpperCase();
    int prec = f.precSet && f.prec > 4 ? f.prec : 4;
    StringBuilder b = new StringBuilder("U+");
    for (int k = hex.length(); k < prec; k++) {
      b.append('0');
    }
    b.append(hex);
    if (f.sharp && v >= 0 && v <= Character.MAX_CODE_POINT && GoStrconv.isPrint((int) v)) {
      b.append(" '").appendCodePoint((int) v).append('\'');
    }
    boolean oldZero = f.zero;
    f.zero = false;
    padString(out, f, b.toString());
    f.zero = oldZero;
  }

  /** {@code *big.Int}'s own Format: decimal for d, s and v; a bad verb names {@code big.Int}. */
  private static void formatBigInt(StringBuilder out, Spec f, BigInteger x, int verb) {
    int base;
    switch (verb) {
      case 'b' -> base = 2;
      case 'o', 'O' -> base = 8;
      case 'd', 's', 'v' -> base = 10;
      case 'x', 'X' -> base = 16;
      default -> {
        out.append("%!").appendCodePoint(verb).append("(big.Int=").append(x).append(')');
        return;
      }
    }
    String sign = x.signum() < 0 ? "-" : (f.plus || f.plusV) ? "+" : f.space ? " " : "";
    String prefix = "";
    if (f.sharp || f.sharpV) {
      prefix = switch (verb) {
        case 'b' -> "0b";
        case 'o' -> "0";
        case 'x' -> "0x";
        case 'X' -> "0X";
        default -> "";
      };
    }
    if (verb == 'O') {
      prefix = "0o";
    }
    String digits = x.abs().toString(base);
    if (verb == 'X') {
      digits = digits.toUpperCase();
    }
    int zeros = 0;
    if (f.precSet) {
      if (digits.length() < f.prec) {
        zeros = f.prec - digits.length();
      } else if (digits.equals("0") && f.prec == 0) {
        return;
      }
    }
    int left = 0;
    int right = 0;
    int length = sign.length() + prefix.length() + zeros + digits.length();
    if (f.widthSet && length < f.width) {
      int d = f.width - length;
      if (f.minus) {
        right = d;
      } else if (f.zero && !f.precSet) {
        zeros = d;
      } else {
        left = d;
      }
    }
    out.append(" ".repeat(left)).append(sign).append(prefix).append("0".repeat(zeros)).append(digits).append(" ".repeat(right));
  }

  // ---- floats ----

  private static void formatFloat(StringBuilder out, Spec f, double v, int verb) {
    switch (verb) {
      case 'v' -> fmtFloat(out, f, v, 'g', -1);
      case 'g', 'G' -> fmtFloat(out, f, v, verb, -1);
      case 'e', 'E', 'f', 'F' -> fmtFloat(out, f, v, verb, 6);
      default -> badVerb(out, f, v, verb);
    }
  }

  private static void fmtFloat(StringBuilder out, Spec f, double v, int verb, int prec) {
    if (f.precSet) {
      prec = f.prec;
    }
    String num = GoStrconv.formatFloat(v, verb == 'F' ? 'f' : verb, prec);
    if (f.sharp && verb != 'b') {
      num = sharpFloat(num, verb, prec);
    }
    boolean neg = num.startsWith("-");
    String unsigned = neg ? num.substring(1) : num;
    char sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : 0;
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      boolean oldZero = f.zero;
      f.zero = false;
      padString(out, f, (sign != 0 && !Double.isNaN(v) ? String.valueOf(sign) : "") + unsigned);
      f.zero = oldZero;
      return;
    }
    if (sign != 0) {
      if (f.zero && f.widthSet && f.width > unsigned.length() + 1) {
        out.append(sign);
        writePadding(out, f, f.width - unsigned.length() - 1);
        out.append(unsigned);
        return;
      }
      padString(out, f, sign + unsigned);
      return;
    }
    padString(out, f, unsigned);
  }

  /** The '#' flag keeps the decimal point and, for %g, trailing zeros up to the precision. */
  private static String sharpFloat(String num, int verb, int prec) {
    int digits = switch (verb) {
      case 'v', 'g', 'G' -> prec == -1 ? 6 : prec == 0 ? 1 : prec;
      default -> 0;
    };
    int expAt = Math.max(num.indexOf('e'), num.indexOf('E'));
    String tail = expAt >= 0 ? num.substring(expAt) : "";
    String body = expAt >= 0 ? num.substring(0, expAt) : num;
    boolean sawPoint = body.indexOf('.') >= 0;
    int significant = 0;
    boolean nonZero = false;
    for (int k = 0; k < body.length(); k++) {
      char c = body.charAt(k);
      if (c >= '0' && c <= '9') {
        nonZero |= c != '0';
        if (nonZero) {
          significant++;
        }
      }
    }
    if (!nonZero) {
      significant = body.replaceAll("[^0-9]", "").length();
    }
    StringBuilder b = new StringBuilder(body);
    if (!sawPoint) {
      b.append('.');
    }
    for (int k = significant; k < digits; k++) {
      b.append('0');
    }
    return b + tail;
  }

  // ---- strings ----

  private static void formatString(StringBuilder out, Spec f, String s, int verb) {
    switch (verb) {
      case 'v' -> {
        if (f.sharpV) {
          padString(out, f, GoStrconv.quote(s));
        } else {
          padString(out, f, truncate(s, f));
        }
      }
      case 's' -> padString(out, f, truncate(s, f));
      case 'q' -> {
        String t = truncate(s, f);
        padString(out, f, f.sharp && GoStrconv.canBackquote(t) ? "`" + t + "`" : f.plus ? GoStrconv.quoteAscii(t) : GoStrconv.quote(t));
      }
      case 'x', 'X' -> padString(out, f, hex(truncateBytes(s, f), verb == 'X', f));
      default -> badVerb(out, f, s, verb);
    }
  }

  private static String truncate(String s, Spec f) {
    if (f.precSet && s.codePointCount(0, s.length()) > f.prec) {
      return s.substring(0, s.offsetByCodePoints(0, f.prec));
    }
    return s;
  }

  private static byte[] truncateBytes(String s, Spec f) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (f.precSet && b.length > f.prec) {
      return java.util.Arrays.copyOf(b, f.prec);
    }
    return b;
  }

  private static String hex(byte[] bytes, boolean upper, Spec f) {
    String digits = upper ? UPPER : LOWER;
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < bytes.length; k++) {
      if (f.space && k > 0) {
        b.append(' ');
      }
      if (f.sharp && (f.space || k == 0)) {
        b.append('0').append(upper ? 'X' : 'x');
      }
      b.append(digits.charAt((bytes[k] >> 4) & 0xF)).append(digits.charAt(bytes[k] & 0xF));
    }
    return b.toString();
  }

  private static void padString(StringBuilder out, Spec f, String s) {
    if (!f.widthSet || f.width == 0) {
      out.append(s);
      return;
    }
    int pad = f.width - s.codePointCount(0, s.length());
    if (!f.minus) {
      writePadding(out, f, pad);
      out.append(s);
    } else {
      out.append(s);
      writePadding(out, f, pad);
    }
  }

  private static void writePadding(StringBuilder out, Spec f, int n) {
    char c = f.zero ? '0' : ' ';
    for (int k = 0; k < n; k++) {
      out.append(c);
    }
  }

}
