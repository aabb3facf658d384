package dev.verdict.lint;

import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Term;
import dev.verdict.compiler.CompiledRule;
import dev.verdict.compiler.Names;
import dev.verdict.compiler.RuleTree;
import dev.verdict.compiler.TermWalker;
import dev.verdict.tree.Conditions;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A definition, among several of one rule, that the decision tree cannot index: it runs on every
 * query instead of only when the input matches. The tree indexes {@code ref == constant},
 * {@code ref in {constants}}, {@code glob.match} with a constant pattern, and a bare ref, where
 * the ref is a ground {@code input.…} path or base data; the finding says which literal missed
 * and why.
 */
final class UnindexableRule extends BaseRule {

  private static final Set<String> INDEXED = Set.of("eq", "equal", "internal.member_2", "glob.match");

  UnindexableRule() {
    super("unindexable-rule", Category.performance, Level.warning, "Rule body the decision tree cannot index.");
  }

  @Override
  public void check(Policy policy, Report out) {
    RuleTree tree = policy.compiled().tree();
    Map<List<Value>, List<CompiledRule>> byPath = new LinkedHashMap<>();
    for (CompiledRule r : policy.compiled().rules()) {
      if (r.kind() != CompiledRule.Kind.FUNCTION && !r.isDefault() && !Ast.isTestFile(r.module().file())) {
        byPath.computeIfAbsent(r.path(), k -> new ArrayList<>()).add(r);
      }
    }
    for (List<CompiledRule> defs : byPath.values()) {
      if (defs.size() < 2) {
        continue; // one body runs anyway: nothing for an index to skip
      }
      for (CompiledRule r : defs) {
        if (r.rule().elseRule() != null) {
          out.at(r.rule().location(), r.pathName() + " is not indexed: definitions with else are always evaluated");
        } else if (Conditions.of(r.rule().body(), tree::isBaseOnly).isEmpty()) {
          out.at(r.rule().location(), r.pathName() + " is not indexed: " + why(r.rule().body().literals(), tree));
        }
      }
    }
  }

  /** Why the first literal that reads input or data gives the tree nothing to test. */
  private static String why(List<Literal> literals, RuleTree tree) {
    for (Literal l : literals) {
      Term.Ref ref = firstExternalRef(l);
      if (ref == null) {
        continue;
      }
      String at = " (line " + l.location().row() + ")";
      String name = Shape.of(ref);
      if (l.negated()) {
        return "not " + name + " is evaluated in the body, never indexed" + at;
      }
      if (!l.withs().isEmpty()) {
        return "literals with `with` are not indexed" + at;
      }
      if (!(l.expr() instanceof Expr.TermExpr t)) {
        return "iteration over " + name + " is not indexed" + at;
      }
      if (Names.groundPrefix(ref.path()).size() != ref.path().size()) {
        return name + " has a variable in its path" + at;
      }
      if (((Term.Var) ref.head()).name().equals("data") && !tree.isBaseOnly(Names.groundPrefix(ref.path()))) {
        return name + " is a rule's value, not input or base data" + at;
      }
      if (t.term() instanceof Term.Call c && !INDEXED.contains(Ast.op(c))) {
        return Ast.op(c) + " is not indexable (only ==, in, glob.match and bare refs are)" + at;
      }
      return name + " is compared with a computed value, not a constant" + at;
    }
    return "the body tests no input or base-data ref";
  }

  private static Term.Ref firstExternalRef(Literal l) {
    Term.Ref[] first = new Term.Ref[1];
    TermWalker.literal(l, t -> {
      if (first[0] == null && t instanceof Term.Ref r && r.head() instanceof Term.Var v && (v.name().equals("input") || v.name().equals("data"))) {
        first[0] = r;
      }
    });
    return first[0];
  }
}
