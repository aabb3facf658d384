package dev.verdict.builtins;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code regex.template_match} templates: literal text with regular expressions between a pair
 * of delimiters ({@code "urn:foo:{.*}"}), compiled to one anchored pattern, as gorilla/mux does.
 */
final class RegexTemplate {

  private record Key(String template, char start, char end) {}

  private static final BoundedCache<Key, GoRegex.Compiled> CACHE = new BoundedCache<>(1000);

  private RegexTemplate() {}

  static Pattern compile(String template, char start, char end) {
    return CACHE.get(new Key(template, start, end), RegexTemplate::compileUncached).orThrow();
  }

  private static GoRegex.Compiled compileUncached(Key k) {
    String tpl = k.template();
    List<Integer> idxs = new ArrayList<>();
    int level = 0;
    int idx = 0;
    for (int i = 0; i < tpl.length(); i++) {
      char c = tpl.charAt(i);
      if (c == k.start()) {
        if (++level == 1) {
          idx = i;
        }
      } else if (c == k.end()) {
        if (--level == 0) {
          idxs.add(idx);
          idxs.add(i + 1);
        } else if (level < 0) {
          return new GoRegex.Compiled(null, "unbalanced braces in " + GoStrconv.quote(tpl));
        }
      }
    }
    if (level != 0) {
      return new GoRegex.Compiled(null, "unbalanced braces in " + GoStrconv.quote(tpl));
    }
    StringBuilder pattern = new StringBuilder("^");
    int end = 0;
    for (int i = 0; i < idxs.size(); i += 2) {
      String raw = tpl.substring(end, idxs.get(i));
      end = idxs.get(i + 1);
      String part = tpl.substring(idxs.get(i) + 1, end - 1);
      GoRegex.Compiled sub = GoRegex.compileUncached("^" + part + "$");
      if (sub.pattern() == null) {
        return sub;
      }
      pattern.append(quoteMeta(raw)).append('(').append(part).append(')');
    }
    pattern.append(quoteMeta(tpl.substring(end))).append('$');
    return GoRegex.compileUncached(pattern.toString());
  }

  /** Go's {@code regexp.QuoteMeta}. */
  static String quoteMeta(String s) {
    return GoStrings.backslashEscape(s, "\\.+*?()|[]{}^$");
  }
}
