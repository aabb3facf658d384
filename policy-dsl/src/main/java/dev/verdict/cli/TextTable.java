package dev.verdict.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bordered table {@code opa eval --format=pretty} prints for bindings (Go's tablewriter
 * defaults as opa uses them): centred headers, left-aligned cells, cells wider than 30 columns
 * wrapped at spaces with the same minimum-raggedness line breaking.
 */
final class TextTable {

  private static final int WRAP_WIDTH = 30;
  private static final int LONG_LINE_PENALTY = 100_000;

  private TextTable() {}

  static String render(List<String> header, List<List<String>> rows) {
    int n = header.size();
    int[] width = new int[n];
    List<List<String>> head = cells(header, width);
    List<List<List<String>>> body = new ArrayList<>();
    for (List<String> row : rows) {
      body.add(cells(row, width));
    }
    StringBuilder sb = new StringBuilder();
    line(sb, width);
    printRow(sb, head, width, true);
    line(sb, width);
    for (List<List<String>> row : body) {
      printRow(sb, row, width, false);
    }
    line(sb, width);
    return sb.toString();
  }

  /** Each cell as its wrapped lines, widening the columns to fit. */
  private static List<List<String>> cells(List<String> row, int[] width) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      List<String> lines = wrap(row.get(i));
      for (String l : lines) {
        width[i] = Math.max(width[i], width(l));
      }
      out.add(lines);
    }
    return out;
  }

  private static void printRow(StringBuilder sb, List<List<String>> cells, int[] width, boolean centre) {
    int height = cells.stream().mapToInt(List::size).max().orElse(1);
    for (int y = 0; y < height; y++) {
      sb.append('|');
      for (int x = 0; x < width.length; x++) {
        String s = y < cells.get(x).size() ? cells.get(x).get(y) : "";
        int gap = width[x] - width(s);
        int left = centre ? gap / 2 : 0;
        sb.append(' ').append(" ".repeat(left)).append(s).append(" ".repeat(gap - left)).append(" |");
      }
      sb.append('\n');
    }
  }

  private static void line(StringBuilder sb, int[] width) {
    sb.append('+');
    for (int w : width) {
      sb.append("-".repeat(w + 2)).append('+');
    }
    sb.append('\n');
  }

  /** Lines joined into one paragraph, then broken at spaces to fit the wrap width (words never split). */
  static List<String> wrap(String cell) {
    String para = String.join(" ", cell.split("\n", -1));
    if (width(para) <= WRAP_WIDTH) {
      return List.of(para);
    }
    String[] words = para.split(" ", -1);
    int limit = WRAP_WIDTH;
    for (String w : words) {
      limit = Math.max(limit, width(w));
    }
    List<String> lines = new ArrayList<>();
    int[] breaks = breaks(words, limit);
    for (int i = 0; i < words.length; i = breaks[i]) {
      lines.add(String.join(" ", Arrays.copyOfRange(words, i, breaks[i])));
    }
    return lines;
  }

  /** For each word, where its line ends: minimises the sum of squared slack of all lines but the last. */
  private static int[] breaks(String[] words, int limit) {
    int n = words.length;
    long[][] length = new long[n][n];
    for (int i = 0; i < n; i++) {
      length[i][i] = width(words[i]);
      for (int j = i + 1; j < n; j++) {
        length[i][j] = length[i][j - 1] + 1 + width(words[j]);
      }
    }
    int[] next = new int[n];
    long[] cost = new long[n];
    Arrays.fill(cost, Integer.MAX_VALUE);
    for (int i = n - 1; i >= 0; i--) {
      if (length[i][n - 1] <= limit) {
        cost[i] = 0;
        next[i] = n;
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        long slack = limit - length[i][j - 1];
        long c = slack * slack + cost[j];
        if (length[i][j - 1] > limit) {
          c += LONG_LINE_PENALTY;
        }
        if (c < cost[i]) {
          cost[i] = c;
          next[i] = j;
        }
      }
    }
    return next;
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }
}
