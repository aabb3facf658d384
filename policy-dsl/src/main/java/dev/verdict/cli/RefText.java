package dev.verdict.cli;

import dev.verdict.ast.Term;
import dev.verdict.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes refs as opa prints them: {@code data.a.b}, with {@code ["x-y"]} for keys that are not names. */
final class RefText {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS =
      Set.of("as", "contains", "default", "else", "every", "false", "if", "import", "in", "not", "null", "package", "some",
          "true", "with");

  private RefText() {}

  /** {@code .a.b} for keys a, b. */
  static String path(List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      if (NAME.matcher(k).matches() && !KEYWORDS.contains(k)) {
        sb.append('.').append(k);
      } else {
        sb.append('[');
        GoJson.quote(sb, k);
        sb.append(']');
      }
    }
    return sb.toString();
  }

  /**
   * The leading string keys of a ref ({@code data.a.b[x]} gives a, b), with its head var's name
   * first when {@code withHead}; stops at the first key that is not a constant string.
   */
  static List<String> groundKeys(Term.Ref ref, boolean withHead) {
    List<String> keys = new ArrayList<>();
    if (withHead && ref.head() instanceof Term.Var v) {
      keys.add(v.name());
    }
    for (Term t : ref.path()) {
      if (!(t instanceof Term.Scalar s) || !(s.value() instanceof StringValue str)) {
        break;
      }
      keys.add(str.value());
    }
    return keys;
  }
}
