package dev.verdict.builtins.graphql;

/**
 * GraphQL tokens as gqlparser's lexer produces them (the parser OPA uses): positions are 1-based
 * line and rune column, string tokens start after their opening quotes, and an unterminated
 * string is an Invalid token rather than an error.
 */
final class GqlLexer {

  enum Kind {
    INVALID("<Invalid>"), EOF("<EOF>"), BANG("!"), DOLLAR("$"), AMP("&"), PAREN_L("("), PAREN_R(")"),
    SPREAD("..."), COLON(":"), EQUALS("="), AT("@"), BRACKET_L("["), BRACKET_R("]"), BRACE_L("{"),
    PIPE("|"), BRACE_R("}"), NAME("Name"), INT("Int"), FLOAT("Float"), STRING("String"),
    BLOCK_STRING("BlockString");

    final String text;

    Kind(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  record Token(Kind kind, String value, int line, int column) {
    /** gqlparser's Token.String: the kind, and the quoted value when there is one. */
    @Override
    public String toString() {
      return value.isEmpty() ? kind.text : kind.text + " " + quote(value);
    }
  }

  /** A lexical error, with gqlparser's message and position. */
  static final class LexError extends RuntimeException {
    final int line;
    final int column;

    LexError(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private final String src;
  private int pos;
  private int line = 1;
  private int lineStart;

  GqlLexer(String src) {
    this.src = src;
  }

  private int column(int at) {
    return src.codePointCount(lineStart, at) + 1;
  }

  Token next() {
    skipIgnored();
    if (pos >= src.length()) {
      return new Token(Kind.EOF, "", line, column(pos));
    }
    int start = pos;
    char c = src.charAt(pos);
    Kind punct = switch (c) {
      case '!' -> Kind.BANG;
      case '$' -> Kind.DOLLAR;
      case '&' -> Kind.AMP;
      case '(' -> Kind.PAREN_L;
      case ')' -> Kind.PAREN_R;
      case ':' -> Kind.COLON;
      case '=' -> Kind.EQUALS;
      case '@' -> Kind.AT;
      case '[' -> Kind.BRACKET_L;
      case ']' -> Kind.BRACKET_R;
      case '{' -> Kind.BRACE_L;
      case '|' -> Kind.PIPE;
      case '}' -> Kind.BRACE_R;
      default -> null;
    };
    if (punct != null) {
      pos++;
      return new Token(punct, "", line, column(start));
    }
    if (c == '.') {
      if (src.startsWith("...", pos)) {
        pos += 3;
        return new Token(Kind.SPREAD, "", line, column(start));
      }
      throw new LexError("Unexpected character \".\"", line, column(start));
    }
    if (c == '_' || Character.isLetter(c) && c < 0x80) {
      int end = pos + 1;
      while (end < src.length() && isNameChar(src.charAt(end))) {
        end++;
      }
      pos = end;
      return new Token(Kind.NAME, src.substring(start, end), line, column(start));
    }
    if (c == '-' || c >= '0' && c <= '9') {
      return number(start);
    }
    if (c == '"') {
      return src.startsWith("\"\"\"", pos) ? blockString(start) : string(start);
    }
    throw new LexError("Unexpected character " + quote(new String(Character.toChars(src.codePointAt(pos)))) + ".",
        line, column(start));
  }

  private static boolean isNameChar(char c) {
    return c == '_' || c < 0x80 && Character.isLetterOrDigit(c);
  }

  private void skipIgnored() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == ',' || c == '\ufeff') {
        pos++;
      } else if (c == '\n' || c == '\r') {
        pos += c == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n' ? 2 : 1;
        newLine();
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private void newLine() {
    line++;
    lineStart = pos;
  }

  private Token number(int start) {
    boolean isFloat = false;
    if (src.charAt(pos) == '-') {
      pos++;
    }
    if (pos < src.length() && src.charAt(pos) == '0') {
      pos++;
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        throw new LexError("Invalid number, unexpected digit after 0: " + quote(String.valueOf(src.charAt(pos))) + ".",
            line, column(pos));
      }
    } else {
      digits();
    }
    if (pos < src.length() && src.charAt(pos) == '.') {
      isFloat = true;
      pos++;
      digits();
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      isFloat = true;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      digits();
    }
    return new Token(isFloat ? Kind.FLOAT : Kind.INT, src.substring(start, pos), line, column(start));
  }

  private void digits() {
    if (pos >= src.length() || !Character.isDigit(src.charAt(pos))) {
      String got = pos >= src.length() ? "<EOF>" : quote(String.valueOf(src.charAt(pos)));
      throw new LexError("Invalid number, expected digit but got: " + got + ".", line, column(pos));
    }
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      pos++;
    }
  }

  private Token string(int start) {
    int tokLine = line;
    int tokColumn = column(start) + 1;
    pos++;
    StringBuilder b = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Kind.STRING, b.toString(), tokLine, tokColumn);
      }
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c == '\\') {
        if (pos + 1 >= src.length()) {
          break;
        }
        char e = src.charAt(pos + 1);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            if (pos + 6 > src.length() || !src.substring(pos + 2, pos + 6).matches("[0-9a-fA-F]{4}")) {
              throw new LexError("Invalid character escape sequence.", line, column(pos));
            }
            b.append((char) Integer.parseInt(src.substring(pos + 2, pos + 6), 16));
            pos += 4;
          }
          default -> throw new LexError("Invalid character escape sequence: \\" + e + ".", line, column(pos));
        }
        pos += 2;
        continue;
      }
      b.append(c);
      pos++;
    }
    return new Token(Kind.INVALID, "", line, column(pos));
  }

  private Token blockString(int start) {
    int tokLine = line;
    int tokColumn = column(start) + 3;
    pos += 3;
    StringBuilder raw = new StringBuilder();
    while (pos < src.length()) {
      if (src.startsWith("\"\"\"", pos)) {
        pos += 3;
        return new Token(Kind.BLOCK_STRING, blockStringValue(raw.toString()), tokLine, tokColumn);
      }
      if (src.startsWith("\\\"\"\"", pos)) {
        raw.append("\"\"\"");
        pos += 4;
        continue;
      }
      char c = src.charAt(pos);
      raw.append(c);
      pos++;
      if (c == '\n' || c == '\r') {
        if (c == '\r' && pos < src.length() && src.charAt(pos) == '\n') {
          raw.append('\n');
          pos++;
        }
        newLine();
      }
    }
    return new Token(Kind.INVALID, "", line, column(pos));
  }

  /** The GraphQL spec's BlockStringValue: common indentation and blank edge lines removed. */
  static String blockStringValue(String raw) {
    String[] lines = raw.split("\r\n|\n|\r", -1);
    int common = Integer.MAX_VALUE;
    for (int i = 1; i < lines.length; i++) {
      int indent = leadingWhitespace(lines[i]);
      if (indent < lines[i].length() && indent < common) {
        common = indent;
      }
    }
    if (common != Integer.MAX_VALUE) {
      for (int i = 1; i < lines.length; i++) {
        lines[i] = lines[i].length() >= common ? lines[i].substring(common) : "";
      }
    }
    int first = 0;
    int last = lines.length - 1;
    while (first <= last && leadingWhitespace(lines[first]) == lines[first].length()) {
      first++;
    }
    while (last >= first && leadingWhitespace(lines[last]) == lines[last].length()) {
      last--;
    }
    return first > last ? "" : String.join("\n", java.util.Arrays.copyOfRange(lines, first, last + 1));
  }

  private static int leadingWhitespace(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Go's strconv.Quote, enough for names and text. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            b.append(String.format("\\x%02x", cp));
          } else {
            b.appendCodePoint(cp);
          }
        }
      }
    });
    return b.append('"').toString();
  }
}
