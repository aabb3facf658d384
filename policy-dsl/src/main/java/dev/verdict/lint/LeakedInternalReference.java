package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Term;
import dev.verdict.compiler.Names;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.List;

/** A ref into another package's {@code _private} rule or function: internals may change without notice. */
final class LeakedInternalReference extends BaseRule {

  LeakedInternalReference() {
    super("leaked-internal-reference", Category.bugs, Level.warning, "Reference to another package's _internal rule.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.resolved()) {
      if (Ast.isTestFile(m.file())) {
        continue;
      }
      List<Value> own = Names.groundPrefix(m.pkg().path().path());
      Ast.terms(m, (r, t) -> {
        Term.Ref ref = switch (t) {
          case Term.Call c -> c.operator();
          case Term.Ref x -> x;
          default -> null;
        };
        if (ref != null && ref.head() instanceof Term.Var v && v.name().equals("data")) {
          List<Value> path = Names.groundPrefix(ref.path());
          boolean internal = path.stream().anyMatch(p -> p instanceof StringValue s && s.value().startsWith("_"));
          boolean foreign = path.size() < own.size() || !path.subList(0, own.size()).equals(own);
          if (internal && foreign) {
            out.at(t.location(), Names.ofPath("data", path) + " is internal to another package");
          }
        }
      });
    }
  }
}
