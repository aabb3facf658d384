package dev.verdict.lint;

import dev.verdict.ast.Literal;
import dev.verdict.compiler.CompiledRule;
import dev.verdict.compiler.RuleTree;
import dev.verdict.tree.Condition;
import dev.verdict.tree.Conditions;
import dev.verdict.tree.IndexedRef;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two definitions of one complete rule with different constant values whose bodies may both
 * hold for one input: evaluation then fails with {@code eval_conflict_error}. Conservative in
 * what it compares (constant values only; definitions with {@code else} are left out) and in
 * what it calls exclusive: the bodies test one input or base-data ref against disjoint
 * constants ({@code ==}, {@code in}), or one body holds a literal the other negates. Anything
 * subtler (ranges, computed values, helper rules that exclude each other) is reported, since
 * the linter cannot prove it safe.
 */
final class ConflictingRuleValues extends BaseRule {

  ConflictingRuleValues() {
    super("conflicting-rule-values", Category.bugs, Level.error, "Two definitions of a rule can give different values for one input.");
  }

  private record Definition(CompiledRule rule, Value value, Map<IndexedRef, Condition> conditions, Set<String> literals) {}

  @Override
  public void check(Policy policy, Report out) {
    RuleTree tree = policy.compiled().tree();
    Map<List<Value>, List<Definition>> byPath = new LinkedHashMap<>();
    for (CompiledRule r : policy.compiled().rules()) {
      Value value = r.rule().head().value() == null ? null : Conditions.constant(r.rule().head().value());
      if (r.kind() != CompiledRule.Kind.SINGLE || !r.suffix().isEmpty() || r.isDefault() || r.rule().elseRule() != null || value == null) {
        continue;
      }
      Set<String> literals = new HashSet<>();
      r.rule().body().literals().forEach(l -> literals.add(Shape.of(l)));
      byPath.computeIfAbsent(r.path(), k -> new ArrayList<>())
          .add(new Definition(r, value, Conditions.of(r.rule().body(), tree::isBaseOnly), literals));
    }
    for (List<Definition> defs : byPath.values()) {
      for (int i = 1; i < defs.size(); i++) {
        for (int j = 0; j < i; j++) {
          Definition a = defs.get(j);
          Definition b = defs.get(i);
          if (!a.value().equals(b.value()) && !exclusive(a, b)) {
            out.at(b.rule().rule().location(), b.rule().pathName() + " is " + b.value().toRego() + " here and " + a.value().toRego()
                + " at " + a.rule().rule().location() + ", and nothing keeps both bodies from holding (eval_conflict_error)");
            break;
          }
        }
      }
    }
  }

  private static boolean exclusive(Definition a, Definition b) {
    for (Map.Entry<IndexedRef, Condition> e : a.conditions().entrySet()) {
      Condition other = b.conditions().get(e.getKey());
      if (other != null && disjoint(e.getValue(), other)) {
        return true;
      }
    }
    return negates(a, b) || negates(b, a);
  }

  /** True when {@code b} holds {@code not L} for a literal {@code L} of {@code a}. */
  private static boolean negates(Definition a, Definition b) {
    for (Literal l : a.rule().rule().body().literals()) {
      if (!l.negated() && l.withs().isEmpty() && b.literals().contains("not " + Shape.of(l))) {
        return true;
      }
    }
    return false;
  }

  private static boolean disjoint(Condition x, Condition y) {
    Set<Value> xs = values(x);
    Set<Value> ys = values(y);
    if (xs == null || ys == null) {
      return false;
    }
    for (Value v : xs) {
      if (ys.contains(v)) {
        return false;
      }
    }
    return true;
  }

  /** The values a condition allows, or null when it is not a finite set (glob, truthy). */
  private static Set<Value> values(Condition c) {
    return switch (c) {
      case Condition.Equals e -> Set.of(e.value());
      case Condition.OneOf o -> new HashSet<>(o.values().asList());
      case Condition.Glob g -> null;
      case Condition.Truthy t -> null;
    };
  }
}
