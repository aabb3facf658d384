package dev.verdict.cli;

import dev.verdict.ast.Term;
import dev.verdict.value.StringValue;
import java.util.ArrayList;
import java.util.List;

/** The constant keys of refs, for naming packages, rules and tests as opa does. */
final class RefText {

  private RefText() {}

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
