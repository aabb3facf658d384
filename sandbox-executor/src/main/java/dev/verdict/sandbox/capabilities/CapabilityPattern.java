package dev.verdict.sandbox.capabilities;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Sigil's capability globs: names split on dots; {@code *} as a whole segment matches one or more
 * segments, {@code *} inside a segment matches characters within that segment. Never a raw prefix
 * match: {@code inject.*} matches neither {@code inject} nor {@code injection}.
 */
public final class CapabilityPattern {

  private static final Pattern DOT = Pattern.compile(".", Pattern.LITERAL);

  private CapabilityPattern() {}

  public static boolean anyMatches(Collection<String> patterns, String capability) {
    return patterns.stream().anyMatch(p -> matches(p, capability));
  }

  public static boolean matches(String pattern, String capability) {
    String[] p = DOT.split(pattern, -1);
    String[] c = DOT.split(capability, -1);
    // can[i][j]: pattern segments from i match capability segments from j (dynamic programming,
    // so that many stars stay polynomial).
    boolean[][] can = new boolean[p.length + 1][c.length + 1];
    can[p.length][c.length] = true;
    for (int i = p.length - 1; i >= 0; i--) {
      for (int j = c.length - 1; j >= 0; j--) {
        if (p[i].equals("*")) {
          for (int k = j + 1; k <= c.length && !can[i][j]; k++) {
            can[i][j] = can[i + 1][k];
          }
        } else {
          can[i][j] = can[i + 1][j + 1] && segment(p[i], c[j]);
        }
      }
    }
    return can[0][0];
  }

  /** Glob within one segment: {@code *} matches any run of characters. */
  private static boolean segment(String pattern, String s) {
    int p = 0;
    int i = 0;
    int star = -1;
    int mark = 0;
    while (i < s.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = i;
      } else if (p < pattern.length() && pattern.charAt(p) == s.charAt(i)) {
        p++;
        i++;
      } else if (star >= 0) {
        p = star + 1;
        i = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
