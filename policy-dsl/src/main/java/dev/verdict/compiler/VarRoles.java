package dev.verdict.compiler;

import dev.verdict.ast.Body;
import dev.verdict.ast.Term;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The roles variables play in a term: which must be bound before the term can be evaluated
 * (inputs), which a ref binds by enumerating its keys (ref outputs), and which a pattern binds
 * when unified with a value (pattern vars). Shared by the safety check and the planner, so both
 * agree on what a literal needs and binds. {@code outer} names the vars visible around the
 * term: comprehension vars among them are inputs, the others are the comprehension's own.
 */
public final class VarRoles {

  private final Set<String> outer;

  public VarRoles(Set<String> outer) {
    this.outer = outer;
  }

  /** Vars that must be bound to evaluate {@code t} as a value. */
  public Set<String> inputs(Term t) {
    Set<String> out = new LinkedHashSet<>();
    inputs(t, out);
    return out;
  }

  public void inputs(Term t, Set<String> out) {
    switch (t) {
      case Term.Scalar s -> {}
      case Term.Var v -> {
        if (!Vars.isRoot(v.name())) {
          out.add(v.name());
        }
      }
      case Term.Ref r -> {
        inputs(r.head(), out);
        for (Term p : r.path()) {
          keyInputs(p, out);
        }
      }
      case Term.ArrayTerm a -> a.elements().forEach(e -> inputs(e, out));
      case Term.SetTerm s -> s.elements().forEach(e -> inputs(e, out));
      case Term.ObjectTerm o -> o.items().forEach(i -> {
        inputs(i.key(), out);
        inputs(i.value(), out);
      });
      case Term.Call c -> c.args().forEach(a -> inputs(a, out));
      case Term.TemplateString ts -> ts.terms().forEach(p -> inputs(p, out));
      case Term.ArrayComprehension c -> Vars.collect(c, outer, out);
      case Term.SetComprehension c -> Vars.collect(c, outer, out);
      case Term.ObjectComprehension c -> Vars.collect(c, outer, out);
    }
  }

  /** A ref key: vars (also inside composite keys) are outputs; calls and nested refs need theirs. */
  private void keyInputs(Term key, Set<String> out) {
    switch (key) {
      case Term.Var v -> {}
      case Term.ArrayTerm a -> a.elements().forEach(e -> keyInputs(e, out));
      case Term.ObjectTerm o -> o.items().forEach(i -> {
        inputs(i.key(), out);
        keyInputs(i.value(), out);
      });
      default -> inputs(key, out);
    }
  }

  /** Vars bound by enumerating ref keys anywhere inside {@code t} (closures excluded). */
  public Set<String> refOutputs(Term t) {
    Set<String> out = new LinkedHashSet<>();
    refOutputs(t, out);
    return out;
  }

  public void refOutputs(Term t, Set<String> out) {
    switch (t) {
      case Term.Ref r -> {
        refOutputs(r.head(), out);
        for (Term p : r.path()) {
          keyVars(p, out);
          refOutputs(p, out);
        }
      }
      case Term.ArrayTerm a -> a.elements().forEach(e -> refOutputs(e, out));
      case Term.SetTerm s -> s.elements().forEach(e -> refOutputs(e, out));
      case Term.ObjectTerm o -> o.items().forEach(i -> {
        refOutputs(i.key(), out);
        refOutputs(i.value(), out);
      });
      case Term.Call c -> c.args().forEach(a -> refOutputs(a, out));
      case Term.TemplateString ts -> ts.terms().forEach(p -> refOutputs(p, out));
      default -> {}
    }
  }

  private static void keyVars(Term key, Set<String> out) {
    switch (key) {
      case Term.Var v -> out.add(v.name());
      case Term.ArrayTerm a -> a.elements().forEach(e -> keyVars(e, out));
      case Term.ObjectTerm o -> o.items().forEach(i -> keyVars(i.value(), out));
      default -> {}
    }
  }

  /** Vars a pattern binds: the var itself, array elements, object values. */
  public static Set<String> patternVars(Term t) {
    Set<String> out = new LinkedHashSet<>();
    Declarations.patternVars(t, out);
    return out;
  }

  /** Vars that must be bound for {@code t} to be matched as a pattern. */
  public Set<String> patternInputs(Term t) {
    Set<String> out = new LinkedHashSet<>();
    patternInputs(t, out);
    return out;
  }

  private void patternInputs(Term t, Set<String> out) {
    switch (t) {
      case Term.Var v -> {}
      case Term.ArrayTerm a -> a.elements().forEach(e -> patternInputs(e, out));
      case Term.ObjectTerm o -> o.items().forEach(i -> {
        inputs(i.key(), out);
        patternInputs(i.value(), out);
      });
      default -> inputs(t, out);
    }
  }

  /** The vars of a closure body that come from around it. */
  public Set<String> captured(Body body) {
    Set<String> all = new LinkedHashSet<>();
    Vars.allVars(body, all);
    all.retainAll(outer);
    return all;
  }

  public Set<String> outer() {
    return outer;
  }
}
