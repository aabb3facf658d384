package dev.verdict.builtins;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code regexp} on top of re2j (the same RE2 syntax): compiled patterns cached, and Go's
 * rules for successive matches ({@code FindAll}: an empty match right after a match is skipped),
 * {@code Split}, {@code ReplaceAllString} and {@code $name} expansion, which differ from
 * java.util.regex conventions.
 */
final class GoRegex {

  /** A compiled pattern, or the compile error to report again without recompiling. */
  record Compiled(Pattern pattern, String error) {
    Pattern orThrow() {
      if (pattern == null) {
        throw Args.error(error);
      }
      return pattern;
    }
  }

  private static final BoundedCache<String, Compiled> CACHE = new BoundedCache<>(1000);

  private GoRegex() {}

  static Compiled compile(String regex) {
    return CACHE.get(regex, GoRegex::compileUncached);
  }

  static Compiled compileUncached(String regex) {
    try {
      return new Compiled(Pattern.compile(regex), null);
    } catch (PatternSyntaxException e) {
      return new Compiled(null, e.getMessage());
    }
  }

  /** Match positions (start/end pairs per group, -1 when a group did not take part), at most n (all when n &lt; 0). */
  static List<int[]> findAll(Pattern p, String s, int n) {
    List<int[]> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    Matcher m = p.matcher(s);
    int pos = 0;
    int prevEnd = -1;
    while ((n < 0 || out.size() < n) && pos <= s.length()) {
      if (!m.find(pos)) {
        break;
      }
      boolean accept = true;
      if (m.end() == pos) {
        // An empty match: skip it when it abuts the previous match, and step one character on.
        accept = m.start() != prevEnd;
        pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
      } else {
        pos = m.end();
      }
      prevEnd = m.end();
      if (accept) {
        out.add(groups(m));
      }
    }
    return out;
  }

  private static int[] groups(Matcher m) {
    int[] g = new int[2 * (m.groupCount() + 1)];
    for (int i = 0; i <= m.groupCount(); i++) {
      g[2 * i] = m.start(i);
      g[2 * i + 1] = m.end(i);
    }
    return g;
  }

  /** Go's {@code Split(s, -1)}. */
  static List<String> split(Pattern p, String regex, String s) {
    List<String> out = new ArrayList<>();
    if (!regex.isEmpty() && s.isEmpty()) {
      out.add("");
      return out;
    }
    int beg = 0;
    int end = 0;
    for (int[] match : findAll(p, s, -1)) {
      end = match[0];
      if (match[1] != 0) {
        out.add(s.substring(beg, end));
      }
      beg = match[1];
    }
    if (end != s.length()) {
      out.add(s.substring(beg));
    }
    return out;
  }

  /** Go's {@code ReplaceAllString}: no replacement for an empty match right after a match. */
  static String replaceAll(Pattern p, String src, String template) {
    Matcher m = p.matcher(src);
    StringBuilder out = new StringBuilder(src.length());
    int lastMatchEnd = 0;
    int searchPos = 0;
    Map<String, Integer> names = template.indexOf('$') >= 0 ? p.namedGroups() : Map.of();
    while (searchPos <= src.length()) {
      if (!m.find(searchPos)) {
        break;
      }
      int[] a = groups(m);
      out.append(src, lastMatchEnd, a[0]);
      if (a[1] > lastMatchEnd || a[0] == 0) {
        expand(out, template, src, a, names);
      }
      lastMatchEnd = a[1];
      int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
      if (searchPos + width > a[1]) {
        searchPos += width;
      } else if (searchPos + 1 > a[1]) {
        searchPos++;
      } else {
        searchPos = a[1];
      }
    }
    out.append(src, lastMatchEnd, src.length());
    return out.toString();
  }

  /** Go's {@code Regexp.Expand}: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}. */
  static void expand(StringBuilder out, String template, String src, int[] match, Map<String, Integer> names) {
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < template.length() && template.charAt(i) == '{';
      int nameStart = brace ? i + 1 : i;
      int j = nameStart;
      while (j < template.length()) {
        int c = template.codePointAt(j);
        if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
          break;
        }
        j += Character.charCount(c);
      }
      if (j == nameStart || brace && (j >= template.length() || template.charAt(j) != '}')) {
        out.append('$'); // malformed: the dollar is literal text
        continue;
      }
      String name = template.substring(nameStart, j);
      i = brace ? j + 1 : j;
      int group = groupNumber(name);
      if (group < 0) {
        Integer named = names.get(name);
        group = named == null ? -1 : named;
      }
      if (group >= 0 && 2 * group + 1 < match.length && match[2 * group] >= 0) {
        out.append(src, match[2 * group], match[2 * group + 1]);
      }
    }
    out.append(template, Math.min(i, template.length()), template.length());
  }

  /** A decimal group number without leading zeros, or -1 when the name is not one. */
  private static int groupNumber(String name) {
    if (name.length() > 8 || (name.length() > 1 && name.charAt(0) == '0')) {
      return -1;
    }
    int n = 0;
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
