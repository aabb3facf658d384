package dev.verdict.compiler;

import dev.verdict.ast.Annotation;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * What {@code rego.metadata.rule()} and {@code rego.metadata.chain()} answer for a rule. Both are
 * fixed when the policy compiles, so the evaluator plans them as constants.
 */
public final class RuleMetadata {

  private RuleMetadata() {}

  /** The rule's own (rule-scoped) annotations, or an empty object. */
  public static ObjectValue rule(CompiledRule rule) {
    List<Annotation> own = rule.rule().annotations();
    return own.isEmpty() ? ObjectValue.EMPTY : own.getFirst().content();
  }

  /**
   * OPA's chain, closest first: the rule (always present, with its annotations if any), the
   * document-scoped annotations of its path, its package's, then each enclosing package's
   * subpackages-scoped annotations up to the root.
   */
  public static ArrayValue chain(CompiledRule rule, List<Module> modules) {
    List<Value> out = new ArrayList<>();
    List<Annotation> own = rule.rule().annotations();
    out.add(entry(rule.path(), own.isEmpty() ? null : own.getFirst()));
    Annotation document = find(modules, "document", m -> true, (m, a) -> rule.path().equals(documentPath(m, a)));
    if (document != null) {
      out.add(entry(rule.path(), document));
    }
    List<Value> pkg = ResolveRefs.packagePath(rule.module());
    Annotation pkgAnnotation = find(modules, "package", m -> ResolveRefs.packagePath(m).equals(pkg), (m, a) -> true);
    if (pkgAnnotation != null) {
      out.add(entry(pkg, pkgAnnotation));
    }
    for (int n = pkg.size(); n > 0; n--) {
      List<Value> prefix = pkg.subList(0, n);
      Annotation sub = find(modules, "subpackages", m -> ResolveRefs.packagePath(m).equals(prefix), (m, a) -> true);
      if (sub != null) {
        out.add(entry(prefix, sub));
      }
    }
    return ArrayValue.of(out);
  }

  private static Annotation find(List<Module> modules, String scope, Predicate<Module> module, BiPredicate<Module, Annotation> annotation) {
    for (Module m : modules) {
      if (!module.test(m)) {
        continue;
      }
      for (Annotation a : m.annotations()) {
        if (a.scope().equals(scope) && annotation.test(m, a)) {
          return a;
        }
      }
    }
    return null;
  }

  /** A document-scoped block annotates the path of the first rule below it. */
  private static List<Value> documentPath(Module m, Annotation a) {
    for (Rule r : m.rules()) {
      if (r.location().row() > a.location().row()) {
        return Names.rulePath(ResolveRefs.packagePath(m), r.head());
      }
    }
    return null;
  }

  private static Value entry(List<Value> path, Annotation a) {
    ObjectValue.Builder b = ObjectValue.builder().put("path", ArrayValue.of(path));
    if (a != null) {
      b.put("annotations", a.content());
    }
    return b.build();
  }
}
