package dev.verdict.format;

import dev.verdict.ast.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a module was parsed from. The AST keeps values, not spellings: this gives back how a
 * number or a raw string was written, so formatting keeps {@code 1.0}, {@code 1e3} and back-quotes.
 */
final class Source {

  private static final Pattern NUMBER = Pattern.compile("-?\\s*\\.?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final String text;
  private final int[] lineStarts;

  Source(String text) {
    // The parser reads a byte-order mark as a blank; so must columns here.
    this.text = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < this.text.length(); i++) {
      if (this.text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Where a location points into the text (columns count code points, as ANTLR's do), or -1. */
  private int offset(Location at) {
    if (at.row() < 1 || at.row() > lineStarts.length) {
      return -1;
    }
    try {
      int offset = text.offsetByCodePoints(lineStarts[at.row() - 1], at.col() - 1);
      return offset < text.length() ? offset : -1;
    } catch (IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /** The back-quoted string written at {@code at}, or null when it is not one. */
  String rawString(Location at) {
    int from = offset(at);
    if (from < 0 || text.charAt(from) != '`') {
      return null;
    }
    int end = text.indexOf('`', from + 1);
    return end < 0 ? null : text.substring(from, end + 1);
  }

  /** The number literal written at {@code at} (blanks after a minus dropped), or null. */
  String number(Location at) {
    int from = offset(at);
    if (from < 0) {
      return null;
    }
    Matcher m = NUMBER.matcher(text).region(from, text.length());
    return m.lookingAt() ? m.group().replaceAll("\\s", "") : null;
  }

  /**
   * Whether a template-string part at {@code at} is text rather than an embedded expression:
   * text follows the opening quote or the {@code }} ending an expression; an expression follows
   * its {@code {}, perhaps after blanks.
   */
  boolean templateText(Location at) {
    int from = offset(at);
    if (from <= 0) {
      return false;
    }
    char before = text.charAt(from - 1);
    return before == '"' || before == '`' || before == '}';
  }
}
