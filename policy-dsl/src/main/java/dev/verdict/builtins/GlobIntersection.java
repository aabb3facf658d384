package dev.verdict.builtins;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code regex.globs_match}: whether two globs of yashtewari/glob-intersection syntax (characters,
 * {@code .} for any character, {@code [...]} sets with ranges, each optionally followed by
 * {@code +} or {@code *}, backslash escapes) accept a common string. The tokenizer and its error
 * messages follow that library; the intersection is decided exactly, by searching the product of
 * the two globs' automata.
 */
final class GlobIntersection {

  private enum Flag { NONE, PLUS, STAR }

  /** A character class: {@code any} (the dot), or a set of code points. */
  private record Token(boolean any, Set<Integer> runes, Flag flag) {
    Token withFlag(Flag f) {
      return new Token(any, runes, f);
    }

    /** As the library's Match: a dot meets anything (even an empty set); sets must share a member. */
    boolean meets(Token o) {
      if (any || o.any) {
        return true;
      }
      for (int r : runes) {
        if (o.runes.contains(r)) {
          return true;
        }
      }
      return false;
    }
  }

  private GlobIntersection() {}

  static boolean nonEmpty(String a, String b) {
    return intersect(expand(tokenize(a)), expand(tokenize(b)));
  }

  /** {@code x+} is {@code x x*}, so only plain and starred tokens remain. */
  private static List<Token> expand(List<Token> glob) {
    List<Token> out = new ArrayList<>();
    for (Token t : glob) {
      if (t.flag() == Flag.PLUS) {
        out.add(t.withFlag(Flag.NONE));
        out.add(t.withFlag(Flag.STAR));
      } else {
        out.add(t);
      }
    }
    return out;
  }

  private static boolean intersect(List<Token> g1, List<Token> g2) {
    int n1 = g1.size();
    int n2 = g2.size();
    Set<Long> seen = new HashSet<>();
    Deque<int[]> queue = new ArrayDeque<>();
    queue.add(new int[] {0, 0});
    seen.add(0L);
    while (!queue.isEmpty()) {
      int[] s = queue.poll();
      int i = s[0];
      int j = s[1];
      if (i == n1 && j == n2) {
        return true;
      }
      // A starred token may be skipped.
      if (i < n1 && g1.get(i).flag() == Flag.STAR) {
        visit(seen, queue, i + 1, j);
      }
      if (j < n2 && g2.get(j).flag() == Flag.STAR) {
        visit(seen, queue, i, j + 1);
      }
      // Or both consume one common character; a starred token stays to consume more.
      if (i < n1 && j < n2 && g1.get(i).meets(g2.get(j))) {
        visit(seen, queue, g1.get(i).flag() == Flag.STAR ? i : i + 1, g2.get(j).flag() == Flag.STAR ? j : j + 1);
      }
    }
    return false;
  }

  private static void visit(Set<Long> seen, Deque<int[]> queue, int i, int j) {
    if (seen.add(((long) i << 32) | j)) {
      queue.add(new int[] {i, j});
    }
  }

  // ---- tokenizer, after the library's ----

  private static List<Token> tokenize(String input) {
    int[] runes = input.codePoints().toArray();
    Reader r = new Reader(input, runes);
    List<Token> tokens = new ArrayList<>();
    while (r.pos < runes.length) {
      int at = r.pos;
      int c = r.next();
      Token t;
      if (!r.escaped && c == '.') {
        t = new Token(true, Set.of(), Flag.NONE);
      } else if (!r.escaped && c == ']') {
        throw r.invalid(r.pos, "set-close ']' with no preceding '['");
      } else if (!r.escaped && c == '[') {
        t = set(r);
      } else if (!r.escaped && (c == '+' || c == '*')) {
        throw r.invalid(r.pos, "flag '" + new String(Character.toChars(c)) + "' must be preceded by a non-flag");
      } else {
        t = new Token(false, Set.of(c), Flag.NONE);
      }
      if (r.pos < runes.length) {
        int save = r.pos;
        int f = r.next();
        if (!r.escaped && (f == '+' || f == '*')) {
          t = t.withFlag(f == '+' ? Flag.PLUS : Flag.STAR);
        } else {
          r.pos = save;
        }
      }
      tokens.add(t);
      if (r.pos == at) {
        break;
      }
    }
    return tokens;
  }

  private static Token set(Reader r) {
    Set<Integer> members = new HashSet<>();
    int prev = 0;
    boolean prevExists = false;
    while (r.pos < r.runes.length) {
      int c = r.next();
      if (!r.escaped && c == '-') {
        if (!prevExists) {
          throw r.invalid(r.pos, "range character '-' must be preceded by a Unicode character");
        }
        if (r.pos >= r.runes.length - 1) {
          throw r.invalid(r.pos, "range character '-' must be followed by a Unicode character");
        }
        int hi = r.next();
        if (!r.escaped && (hi == ']' || hi == '-')) {
          throw r.invalid(r.pos, "range character '-' cannot be followed by a special symbol");
        }
        if (hi < prev) {
          throw r.invalid(r.pos, "range is out of order: '" + new String(Character.toChars(hi)) + "' comes before '"
              + new String(Character.toChars(prev)) + "' in Unicode");
        }
        for (int x = prev; x <= hi; x++) {
          members.add(x);
        }
        prevExists = false;
      } else if (!r.escaped && c == ']') {
        return new Token(false, members, Flag.NONE);
      } else {
        members.add(c);
        prev = c;
        prevExists = true;
      }
    }
    throw r.invalid(r.pos, "found [ without matching ]");
  }

  /** Reads code points, resolving backslash escapes. */
  private static final class Reader {
    final String input;
    final int[] runes;
    int pos;
    boolean escaped;

    Reader(String input, int[] runes) {
      this.input = input;
      this.runes = runes;
    }

    int next() {
      if (runes[pos] == '\\') {
        if (pos == runes.length - 1) {
          throw invalid(pos, "input ends with a \\\\ (escape) character");
        }
        escaped = true;
        pos += 2;
        return runes[pos - 1];
      }
      escaped = false;
      return runes[pos++];
    }

    BuiltinException invalid(int at, String message) {
      return Args.error("input:" + input + ", pos:" + at + ", " + message + ": the input provided is invalid");
    }
  }
}
