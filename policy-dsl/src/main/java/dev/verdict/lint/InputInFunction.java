package dev.verdict.lint;

import dev.verdict.ast.Literal;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.compiler.TermWalker;
import java.util.ArrayList;
import java.util.List;

/**
 * A function reading {@code input}: its result then depends on more than its arguments, which
 * hides the dependency from callers. {@code with input as …} replaces input and is not a read.
 */
final class InputInFunction extends BaseRule {

  InputInFunction() {
    super("input-in-function", Category.idiomatic, Level.warning, "Function body reads input; pass it as an argument.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      for (Rule r : m.rules()) {
        if (!r.head().isFunction()) {
          continue;
        }
        List<Term.Var> reads = new ArrayList<>();
        Ast.literals(r, l -> {
          TermWalker.literal(new Literal(l.location(), l.negated(), l.expr(), List.of()), t -> addInput(t, reads));
          l.withs().forEach(w -> TermWalker.term(w.value(), t -> addInput(t, reads)));
        });
        for (Rule branch = r; branch != null; branch = branch.elseRule()) {
          TermWalker.term(branch.head().value(), t -> addInput(t, reads));
        }
        if (!reads.isEmpty()) {
          out.at(reads.get(0).location(), "function " + Ast.name(r) + " reads input; pass the value as an argument");
        }
      }
    }
  }

  private static void addInput(Term t, List<Term.Var> reads) {
    if (t instanceof Term.Var v && v.name().equals("input")) {
      reads.add(v);
    }
  }
}
