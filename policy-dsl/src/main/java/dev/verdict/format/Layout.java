package dev.verdict.format;

import dev.verdict.ast.Comment;
import dev.verdict.ast.Location;
import java.util.List;

/**
 * The output being written, tab-indented, and the source comments waiting for their place: a
 * comment goes at the end of the line that printed its source row, or on its own line before the
 * first node written after it.
 */
final class Layout {

  private final StringBuilder out = new StringBuilder();
  private final List<Comment> comments;
  private int next;
  private int indent;
  private boolean lineStart = true;
  /** The last source row printed on the current output line; 0 when none. */
  private int lineRow;

  Layout(List<Comment> comments) {
    this.comments = comments.stream()
        .sorted((a, b) -> a.location().row() != b.location().row()
            ? Integer.compare(a.location().row(), b.location().row())
            : Integer.compare(a.location().col(), b.location().col()))
        .toList();
  }

  void text(String s) {
    if (lineStart) {
      out.append("\t".repeat(indent));
      lineStart = false;
    }
    out.append(s);
  }

  /** Records that a node from {@code at} is on the current line. */
  void mark(Location at) {
    lineRow = Math.max(lineRow, at.row());
  }

  /** Ends the line, with the comment of a source row it printed. */
  void newline() {
    Comment c = pending();
    if (!lineStart && c != null && c.location().row() <= lineRow) {
      out.append(" #").append(text(c));
      next++;
    }
    out.append('\n');
    lineStart = true;
    lineRow = 0;
  }

  void blankLine() {
    if (!out.isEmpty() && !out.toString().endsWith("\n\n")) {
      out.append('\n');
    }
  }

  void indent(int delta) {
    indent += delta;
  }

  Comment pending() {
    return next < comments.size() ? comments.get(next) : null;
  }

  /** Writes the pending comment on its own line. */
  void comment() {
    Comment c = comments.get(next++);
    text("#" + text(c));
    out.append('\n');
    lineStart = true;
    lineRow = 0;
  }

  /** Own-line comments from before {@code row} that sit right of {@code col} (inside a block). */
  void commentsBefore(int row, int col) {
    for (Comment c = pending(); c != null && c.location().row() < row && c.location().col() > col; c = pending()) {
      comment();
    }
  }

  /** Every comment not written yet, each on its own line. */
  List<Comment> rest() {
    return comments.subList(next, comments.size());
  }

  private static String text(Comment c) {
    return c.text().stripTrailing();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
