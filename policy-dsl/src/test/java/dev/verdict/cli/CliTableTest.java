package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bordered table of {@code --format=pretty}. */
class CliTableTest {

  @Test
  void centredHeadersLeftAlignedCells() {
    assertEquals(
        """
        +-----+-----------+
        |  x  | data.a[x] |
        +-----+-----------+
        | "a" | 1         |
        | "b" | [1,2,3]   |
        +-----+-----------+
        """,
        TextTable.render(List.of("x", "data.a[x]"), List.of(List.of("\"a\"", "1"), List.of("\"b\"", "[1,2,3]"))));
  }

  @Test
  void oddGapsPutTheExtraSpaceRight() {
    assertEquals(
        """
        +--------+
        |   x    |
        +--------+
        | "abcd" |
        +--------+
        """,
        TextTable.render(List.of("x"), List.of(List.of("\"abcd\""))));
  }

  @Test
  void longCellsWrapAtSpacesWithoutSplittingWords() {
    assertEquals(List.of("\"the quick brown fox jumps", "over the lazy dog\""),
        TextTable.wrap("\"the quick brown fox jumps over the lazy dog\""));
    String word = "x".repeat(40);
    assertEquals(List.of(word), TextTable.wrap(word));
    assertEquals(List.of("short"), TextTable.wrap("short"));
  }

  @Test
  void wrappedCellsMakeTallRows() {
    assertEquals(
        """
        +----------------------------+---+
        |             s              | n |
        +----------------------------+---+
        | "the quick brown fox jumps | 1 |
        | over the lazy dog"         |   |
        +----------------------------+---+
        """,
        TextTable.render(List.of("s", "n"), List.of(List.of("\"the quick brown fox jumps over the lazy dog\"", "1"))));
  }
}
