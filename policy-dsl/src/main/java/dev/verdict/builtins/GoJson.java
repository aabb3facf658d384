package dev.verdict.builtins;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON as Go's {@code encoding/json} reads it for OPA: numbers kept exactly, surrogate pairs
 * joined, and Go's error messages on bad input ({@code invalid character 'x' looking for
 * beginning of value}, {@code unexpected end of JSON input}). Output is {@link GoJsonWriter}.
 */
final class GoJson {

  private GoJson() {}

  private static final int MAX_DEPTH = 10_000;

  /** Parses one document; trailing content is an error, worded as OPA words it. */
  static Value parse(String s) {
    Reader r = new Reader(s);
    r.skipSpace();
    Value v = r.value(0);
    r.skipSpace();
    if (r.pos < s.length()) {
      char c = s.charAt(r.pos);
      if ("{[\"-0123456789tfn".indexOf(c) >= 0) {
        throw new DecodeError("error: invalid character '" + r.trailingToken() + "' after top-level value");
      }
      throw new DecodeError("invalid character " + quoteChar(c) + " looking for beginning of value");
    }
    return v;
  }

  static boolean valid(String s) {
    try {
      Reader r = new Reader(s);
      r.skipSpace();
      r.value(0);
      r.skipSpace();
      return r.pos == s.length();
    } catch (DecodeError e) {
      return false;
    }
  }

  /** Go's {@code quoteChar} for messages: {@code 'x'}, with strconv escapes. */
  static String quoteChar(int c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    String q = GoStrconv.quote(new String(Character.toChars(c)));
    return "'" + q.substring(1, q.length() - 1) + "'";
  }

  private static final class Reader {
    final String s;
    int pos;

    Reader(String s) {
      this.s = s;
    }

    void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          break;
        }
        pos++;
      }
    }

    DecodeError unexpected(String context) {
      if (pos >= s.length()) {
        return new DecodeError("unexpected end of JSON input");
      }
      return new DecodeError("invalid character " + quoteChar(s.codePointAt(pos)) + " " + context);
    }

    Value value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new DecodeError("exceeded max depth");
      }
      if (pos >= s.length()) {
        throw new DecodeError("unexpected end of JSON input");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object(depth);
        case '[':
          return array(depth);
        case '"':
          return StringValue.of(string());
        case 't':
          literal("true");
          return BooleanValue.TRUE;
        case 'f':
          literal("false");
          return BooleanValue.FALSE;
        case 'n':
          literal("null");
          return NullValue.NULL;
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw unexpected("looking for beginning of value");
      }
    }

    private void literal(String word) {
      for (int i = 0; i < word.length(); i++, pos++) {
        if (pos >= s.length()) {
          throw new DecodeError("unexpected end of JSON input");
        }
        if (s.charAt(pos) != word.charAt(i)) {
          throw unexpected("in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
        }
      }
    }

    private Value object(int depth) {
      pos++;
      ObjectValue.Builder b = ObjectValue.builder();
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '}') {
        pos++;
        return ObjectValue.EMPTY;
      }
      while (true) {
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '"') {
          throw unexpected("looking for beginning of object key string");
        }
        String key = string();
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != ':') {
          throw unexpected("after object key");
        }
        pos++;
        skipSpace();
        b.put(StringValue.of(key), value(depth + 1));
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        if (pos < s.length() && s.charAt(pos) == '}') {
          pos++;
          return b.build();
        }
        throw unexpected("after object key:value pair");
      }
    }

    private Value array(int depth) {
      pos++;
      List<Value> items = new ArrayList<>();
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == ']') {
        pos++;
        return ArrayValue.EMPTY;
      }
      while (true) {
        skipSpace();
        items.add(value(depth + 1));
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        if (pos < s.length() && s.charAt(pos) == ']') {
          pos++;
          return ArrayValue.of(items);
        }
        throw unexpected("after array element");
      }
    }

    private String string() {
      pos++;
      StringBuilder b = null;
      int start = pos;
      while (true) {
        if (pos >= s.length()) {
          throw new DecodeError("unexpected end of JSON input");
        }
        char c = s.charAt(pos);
        if (c == '"') {
          String out = b == null ? s.substring(start, pos) : b.append(s, start, pos).toString();
          pos++;
          return out;
        }
        if (c < 0x20) {
          throw unexpected("in string literal");
        }
        if (c != '\\') {
          pos++;
          continue;
        }
        if (b == null) {
          b = new StringBuilder();
        }
        b.append(s, start, pos);
        pos++;
        if (pos >= s.length()) {
          throw new DecodeError("unexpected end of JSON input");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> b.append(unicodeEscape(b));
          default -> {
            pos--;
            throw unexpected("in string escape code");
          }
        }
        start = pos;
      }
    }

    /** A \\u escape; surrogate pairs combine, a lone surrogate becomes U+FFFD as in Go. */
    private String unicodeEscape(StringBuilder b) {
      int c = hex4();
      if (Character.isHighSurrogate((char) c) && s.startsWith("\\u", pos)) {
        int save = pos;
        pos += 2;
        int d = hex4();
        if (Character.isLowSurrogate((char) d)) {
          return new String(new char[] {(char) c, (char) d});
        }
        pos = save;
      }
      return Character.isSurrogate((char) c) ? "\uFFFD" : String.valueOf((char) c);
    }

    private int hex4() {
      int v = 0;
      for (int i = 0; i < 4; i++, pos++) {
        if (pos >= s.length()) {
          throw new DecodeError("unexpected end of JSON input");
        }
        char h = s.charAt(pos);
        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0) {
          throw unexpected("in \\u hexadecimal character escape");
        }
        v = v * 16 + d;
      }
      return v;
    }

    private Value number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
        if (pos >= s.length()) {
          throw new DecodeError("unexpected end of JSON input");
        }
        if (!isDigit(pos)) {
          throw unexpected("in numeric literal");
        }
      }
      if (s.charAt(pos) == '0') {
        pos++;
      } else {
        while (isDigit(pos)) {
          pos++;
        }
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        if (!isDigit(pos)) {
          if (pos >= s.length()) {
            throw new DecodeError("unexpected end of JSON input");
          }
          throw unexpected("after decimal point in numeric literal");
        }
        while (isDigit(pos)) {
          pos++;
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (!isDigit(pos)) {
          if (pos >= s.length()) {
            throw new DecodeError("unexpected end of JSON input");
          }
          throw unexpected("in exponent of numeric literal");
        }
        while (isDigit(pos)) {
          pos++;
        }
      }
      return NumberValue.parse(s.substring(start, pos));
    }

    private boolean isDigit(int i) {
      return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** The next token's text, as Go's decoder.Token() would print it. */
    String trailingToken() {
      char c = s.charAt(pos);
      if (c == '{' || c == '[') {
        return String.valueOf(c);
      }
      int start = pos;
      try {
        Value v = value(0);
        return v instanceof StringValue str ? str.value() : s.substring(start, pos);
      } catch (DecodeError e) {
        return String.valueOf(c);
      }
    }
  }

}