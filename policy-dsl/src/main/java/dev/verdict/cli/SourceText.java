package dev.verdict.cli;

import dev.verdict.ast.Location;

/**
 * Positions in Rego source text: rows and columns (1-based, columns in code points as the parser
 * counts them) to offsets, and where an expression's text ends.
 */
record SourceText(String text) {

  int offset(Location at) {
    return offset(at.row(), at.col());
  }

  int offset(int row, int column) {
    int line = 1;
    int i = 0;
    while (line < row && i < text.length()) {
      if (text.charAt(i++) == '\n') {
        line++;
      }
    }
    int col = 1;
    while (col < column && i < text.length() && text.charAt(i) != '\n') {
      i += Character.charCount(text.codePointAt(i));
      col++;
    }
    return i;
  }

  /** The end of the last character in [from, to) that is not space, {@code ;} or in a comment. */
  int significantEnd(int from, int to) {
    int end = from;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '"' || c == '`') {
        i = stringEnd(i, to);
        end = i;
      } else if (c == '#') {
        while (i < to && text.charAt(i) != '\n') {
          i++;
        }
      } else {
        if (!Character.isWhitespace(c) && c != ';') {
          end = i + 1;
        }
        i++;
      }
    }
    return end;
  }

  private int stringEnd(int open, int to) {
    char quote = text.charAt(open);
    int i = open + 1;
    while (i < to) {
      char c = text.charAt(i++);
      if (c == '\\' && quote == '"') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return to;
  }
}
