package dev.verdict.builtins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code strings.NewReplacer} semantics: scanning left to right, at each position the
 * earliest pair (in argument order) whose old string starts there is replaced, and the scan
 * continues after it, so replacements never chain or overlap. An empty old string matches at
 * every position, but not twice in a row at the same one.
 */
final class GoReplacer {

  private final String[] olds;
  private final String[] news;
  private final int emptyKey;
  /** Candidate pairs by first character, in priority order. */
  private final Map<Character, int[]> byFirst = new HashMap<>();

  GoReplacer(String[] olds, String[] news) {
    this.olds = olds;
    this.news = news;
    int empty = -1;
    Map<Character, List<Integer>> lists = new HashMap<>();
    for (int i = 0; i < olds.length; i++) {
      if (olds[i].isEmpty()) {
        if (empty < 0) {
          empty = i;
        }
      } else {
        lists.computeIfAbsent(olds[i].charAt(0), c -> new ArrayList<>()).add(i);
      }
    }
    this.emptyKey = empty;
    lists.forEach((c, l) -> byFirst.put(c, l.stream().mapToInt(Integer::intValue).toArray()));
  }

  String replace(String s) {
    StringBuilder out = null;
    int last = 0;
    boolean prevMatchEmpty = false;
    int i = 0;
    while (i <= s.length()) {
      int best = bestAt(s, i, prevMatchEmpty);
      prevMatchEmpty = best >= 0 && olds[best].isEmpty();
      if (best >= 0) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16);
        }
        out.append(s, last, i).append(news[best]);
        i += olds[best].length();
        last = i;
        continue;
      }
      i += i < s.length() ? Character.charCount(s.codePointAt(i)) : 1;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, Math.min(last, s.length()), s.length()).toString();
  }

  /** The highest-priority pair matching at {@code i}, or -1. */
  private int bestAt(String s, int i, boolean skipEmpty) {
    int best = emptyKey >= 0 && !skipEmpty ? emptyKey : Integer.MAX_VALUE;
    if (i < s.length()) {
      int[] candidates = byFirst.get(s.charAt(i));
      if (candidates != null) {
        for (int c : candidates) {
          if (c >= best) {
            break;
          }
          if (s.startsWith(olds[c], i)) {
            best = c;
            break;
          }
        }
      }
    }
    return best == Integer.MAX_VALUE ? -1 : best;
  }
}
