package dev.verdict.ast;

/** Where a node starts in its source: file name, 1-based row and 1-based column. */
public record Location(String file, int row, int col) {

  public static final Location NONE = new Location("", 0, 0);

  @Override
  public String toString() {
    return file + ":" + row + ":" + col;
  }
}
