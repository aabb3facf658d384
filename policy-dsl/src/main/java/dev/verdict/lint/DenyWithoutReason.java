package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.value.BooleanValue;
import java.util.Set;

/**
 * {@code deny if …} or {@code deny contains true if …}: a deny, violation or warn rule whose
 * values are plain booleans tells the caller that something is wrong but not what.
 */
final class DenyWithoutReason extends BaseRule {

  static final Set<String> NAMES = Set.of("deny", "violation", "warn");

  DenyWithoutReason() {
    super("deny-without-reason", Category.bugs, Level.warning, "deny/violation rule that gives no reason.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      for (Rule r : m.rules()) {
        if (r.isDefault() || r.head().isFunction() || !r.head().ref().path().isEmpty() || !NAMES.contains(Ast.name(r))) {
          continue;
        }
        Term produced = r.head().isMultiValue() ? r.head().key() : r.head().value();
        if (r.head().key() != null && !r.head().isMultiValue()) {
          continue; // v0 object rule deny[k] = v: its keys can carry the reason
        }
        if (produced instanceof Term.Scalar s && s.value() instanceof BooleanValue) {
          out.at(r.head().location(), Ast.name(r) + " gives no reason: write " + Ast.name(r) + " contains msg if { …; msg := \"why\" }");
        }
      }
    }
  }
}
