package dev.verdict.compiler;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.value.Value;
import java.util.List;

/**
 * A rule after compilation: its rewritten form (refs resolved, locals renamed, bodies ordered
 * for safety), where it sits in the data document, and its kind.
 *
 * @param index position among all rules, stable across compilations of the same sources
 * @param path the rule's place under {@code data}: package path plus the ground prefix of its
 *     head ref
 * @param suffix the rest of the head ref after the ground prefix (starts with a var)
 */
public record CompiledRule(int index, Module module, Rule rule, List<Value> path, List<Term> suffix, Kind kind) {

  public enum Kind {
    /** One value at its path ({@code p := v}, {@code p.q[x] := v}, {@code p[x] if …} in v1). */
    SINGLE,
    /** A set at its path ({@code p contains x}, v0 {@code p[x] { … }}). */
    MULTI,
    FUNCTION
  }

  public CompiledRule {
    path = List.copyOf(path);
    suffix = List.copyOf(suffix);
  }

  /** The rule's path as OPA prints it: {@code data.a.b}. */
  public String pathName() {
    return Names.ofPath("data", path);
  }

  public boolean isDefault() {
    return rule.isDefault();
  }
}
