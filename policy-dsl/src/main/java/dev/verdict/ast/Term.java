package dev.verdict.ast;

import dev.verdict.value.Value;
import java.util.List;

/**
 * A Rego term. Operators are calls: {@code a + b} is {@code Call(plus, [a, b])}, {@code a == b}
 * is {@code Call(equal, …)}, {@code x := y} is {@code Call(assign, …)}, {@code x = y} is
 * {@code Call(eq, …)}, {@code x in xs} is {@code Call(internal.member_2, …)} and
 * {@code k, v in o} is {@code Call(internal.member_3, …)}, as in OPA.
 */
public sealed interface Term extends Node {

  /** null, a boolean, a number or a string, written literally. */
  record Scalar(Location location, Value value) implements Term {}

  /** A variable; {@code _} is the wildcard (the parser renames each to a fresh {@code $_N}). */
  record Var(Location location, String name) implements Term {
    public boolean isWildcard() {
      return name.startsWith("$_");
    }
  }

  /**
   * A reference: a head term (a var such as {@code data}, {@code input} or a local, or a
   * composite/call term) followed by path terms. {@code a.b} has path [Scalar("b")];
   * {@code a[x]} has path [Var x].
   */
  record Ref(Location location, Term head, List<Term> path) implements Term {
    public Ref {
      path = List.copyOf(path);
    }
  }

  record ArrayTerm(Location location, List<Term> elements) implements Term {
    public ArrayTerm {
      elements = List.copyOf(elements);
    }
  }

  record SetTerm(Location location, List<Term> elements) implements Term {
    public SetTerm {
      elements = List.copyOf(elements);
    }
  }

  record ObjectTerm(Location location, List<Item> items) implements Term {
    public ObjectTerm {
      items = List.copyOf(items);
    }

    public record Item(Term key, Term value) {}
  }

  record ArrayComprehension(Location location, Term head, Body body) implements Term {}

  record SetComprehension(Location location, Term head, Body body) implements Term {}

  record ObjectComprehension(Location location, Term key, Term value, Body body) implements Term {}

  /**
   * A call of a builtin or a user function. {@code operator} is the name as written, dotted
   * ({@code count}, {@code time.now_ns}, {@code data.lib.f}, an imported alias …).
   */
  record Call(Location location, Ref operator, List<Term> args) implements Term {
    public Call {
      args = List.copyOf(args);
    }
  }

  /**
   * A template string {@code $"…{expr}…"}: its parts in order, each a literal. Text is a literal
   * of a string scalar; an embedded {@code {expr}} is the literal written there, {@code with}
   * modifiers included (OPA allows {@code {x with input as y}}). {@code raw} is true for the
   * back-quoted form {@code $`…`}.
   */
  record TemplateString(Location location, List<Literal> parts, boolean raw) implements Term {
    public TemplateString {
      parts = List.copyOf(parts);
    }

    /** The terms the parts read: each part's expression and the values of its {@code with} modifiers. */
    public List<Term> terms() {
      List<Term> out = new java.util.ArrayList<>();
      for (Literal part : parts) {
        if (part.expr() instanceof Expr.TermExpr t) {
          out.add(t.term());
        }
        part.withs().forEach(w -> out.add(w.value()));
      }
      return out;
    }
  }
}
