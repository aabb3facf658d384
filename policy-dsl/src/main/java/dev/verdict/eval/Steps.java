package dev.verdict.eval;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;

/** The planned steps a body is made of. */
final class Steps {

  private Steps() {}

  /** Stops the inner search at the first solution: {@code ev.run(inner, f, FOUND)} says whether one exists. */
  static final Sink FOUND = (ev, f) -> true;

  /** A ground expression: succeeds when defined and not false. */
  static final class Test extends Step {
    private final ValueFn fn;

    Test(ValueFn fn) {
      this.fn = fn;
    }

    @Override
    boolean run(Ev ev, Value[] f) {
      Value v = fn.eval(ev, f);
      return v != null && v != BooleanValue.FALSE && next.run(ev, f);
    }
  }

  /** Two ground terms unified: succeeds when they are equal. */
  static final class Equal extends Step {
    private final ValueFn a;
    private final ValueFn b;

    Equal(ValueFn a, ValueFn b) {
      this.a = a;
      this.b = b;
    }

    @Override
    boolean run(Ev ev, Value[] f) {
      Value x = a.eval(ev, f);
      if (x == null) {
        return false;
      }
      Value y = b.eval(ev, f);
      return y != null && x.equals(y) && next.run(ev, f);
    }
  }

  /** A pattern unified with a ground term. */
  static final class Match extends Step {
    private final Pattern pattern;
    private final ValueFn fn;

    Match(Pattern pattern, ValueFn fn) {
      this.pattern = pattern;
      this.fn = fn;
    }

    @Override
    boolean run(Ev ev, Value[] f) {
      Value v = fn.eval(ev, f);
      if (v == null) {
        return false;
      }
      return matchThen(ev, f, pattern, v, next);
    }
  }

  /** Matches and, on success, runs {@code next}; undoes the bindings afterwards. */
  static boolean matchThen(Ev ev, Value[] f, Pattern p, Value v, Step next) {
    int mark = ev.mark();
    try {
      return p.match(ev, f, v) && next.run(ev, f);
    } finally {
      ev.undo(f, mark);
    }
  }

  /** One element of an enumerated ref's path: a ground key, or a pattern iterated over keys. */
  record Key(ValueFn ground, Pattern pattern) {}

  /**
   * A ref with unbound keys: visits every path the keys can take, binding them, and hands each
   * value to {@code target} (a pattern) or, when there is none, tests it like an expression.
   */
  static final class Enumerate extends Step {
    private final ValueFn head;
    private final Key[] path;
    private final Pattern target;

    /** @param head the value the path walks from (for data refs, the document at a ground prefix) */
    Enumerate(ValueFn head, Key[] path, Pattern target) {
      this.head = head;
      this.path = path;
      this.target = target;
    }

    @Override
    boolean run(Ev ev, Value[] f) {
      return walk(ev, f, head.eval(ev, f), 0);
    }

    private boolean walk(Ev ev, Value[] f, Value v, int i) {
      if (v == null) {
        return false;
      }
      if (i == path.length) {
        if (target == null) {
          return v != BooleanValue.FALSE && next.run(ev, f);
        }
        return matchThen(ev, f, target, v, next);
      }
      Key k = path[i];
      if (k.ground != null) {
        Value key = k.ground.eval(ev, f);
        return key != null && walk(ev, f, Docs.child(v, key), i + 1);
      }
      Value bound = k.pattern instanceof Pattern.Var pv ? f[pv.slot()] : null;
      if (bound != null) {
        return walk(ev, f, Docs.child(v, bound), i + 1);
      }
      return switch (v) {
        case ArrayValue a -> {
          for (int j = 0; j < a.size(); j++) {
            ev.tick();
            if (visit(ev, f, k.pattern, NumberValue.of(j), a.get(j), i)) {
              yield true;
            }
          }
          yield false;
        }
        case ObjectValue o -> {
          for (int j = 0; j < o.size(); j++) {
            ev.tick();
            if (visit(ev, f, k.pattern, o.key(j), o.value(j), i)) {
              yield true;
            }
          }
          yield false;
        }
        case SetValue s -> {
          for (int j = 0; j < s.size(); j++) {
            ev.tick();
            if (visit(ev, f, k.pattern, s.get(j), s.get(j), i)) {
              yield true;
            }
          }
          yield false;
        }
        default -> false;
      };
    }

    private boolean visit(Ev ev, Value[] f, Pattern p, Value key, Value child, int i) {
      int mark = ev.mark();
      try {
        return p.match(ev, f, key) && walk(ev, f, child, i + 1);
      } finally {
        ev.undo(f, mark);
      }
    }
  }

  /** {@code some k, v in xs}: every element (and its index or key) matched in turn. */
  static final class SomeIn extends Step {
    private final Pattern key;
    private final Pattern value;
    private final ValueFn collection;

    SomeIn(Pattern key, Pattern value, ValueFn collection) {
      this.key = key;
      this.value = value;
      this.collection = collection;
    }

    @Override
    boolean run(Ev ev, Value[] f) {
      Value c = collection.eval(ev, f);
      return switch (c) {
        case ArrayValue a -> {
          for (int j = 0; j < a.size(); j++) {
            if (visit(ev, f, NumberValue.of(j), a.get(j))) {
              yield true;
            }
          }
          yield false;
        }
        case ObjectValue o -> {
          for (int j = 0; j < o.size(); j++) {
            if (visit(ev, f, o.key(j), o.value(j))) {
              yield true;
            }
          }
          yield false;
        }
        case SetValue s -> {
          for (int j = 0; j < s.size(); j++) {
            if (visit(ev, f, s.get(j), s.get(j))) {
              yield true;
            }
          }
          yield false;
        }
        case null, default -> false;
      };
    }

    private boolean visit(Ev ev, Value[] f, Value k, Value v) {
      ev.tick();
      int mark = ev.mark();
      try {
        return (key == null || key.match(ev, f, k)) && value.match(ev, f, v) && next.run(ev, f);
      } finally {
        ev.undo(f, mark);
      }
    }
  }

  /** {@code not …}: succeeds when the inner steps find no solution. */
  static final class Not extends Step {
    private final Step inner;

    Not(Step inner) {
      this.inner = inner;
    }

    @Override
    boolean run(Ev ev, Value[] f) {
      return !ev.run(inner, f, FOUND) && next.run(ev, f);
    }
  }

  /** {@code every k, v in xs { … }}: the body must hold for each element. */
  static final class Every extends Step {
    private final Pattern key;
    private final Pattern value;
    private final ValueFn domain;
    private final Step body;

    Every(Pattern key, Pattern value, ValueFn domain, Step body) {
      this.key = key;
      this.value = value;
      this.domain = domain;
      this.body = body;
    }

    @Override
    boolean run(Ev ev, Value[] f) {
      Value d = domain.eval(ev, f);
      boolean holds = switch (d) {
        case ArrayValue a -> {
          for (int j = 0; j < a.size(); j++) {
            if (!holds(ev, f, NumberValue.of(j), a.get(j))) {
              yield false;
            }
          }
          yield true;
        }
        case ObjectValue o -> {
          for (int j = 0; j < o.size(); j++) {
            if (!holds(ev, f, o.key(j), o.value(j))) {
              yield false;
            }
          }
          yield true;
        }
        case SetValue s -> {
          for (int j = 0; j < s.size(); j++) {
            if (!holds(ev, f, s.get(j), s.get(j))) {
              yield false;
            }
          }
          yield true;
        }
        case null, default -> false;
      };
      return holds && next.run(ev, f);
    }

    private boolean holds(Ev ev, Value[] f, Value k, Value v) {
      ev.tick();
      int mark = ev.mark();
      try {
        return (key == null || key.match(ev, f, k)) && value.match(ev, f, v) && ev.run(body, f, FOUND);
      } finally {
        ev.undo(f, mark);
      }
    }
  }

  /** A relation builtin ({@code walk}): each of its results matched against the target. */
  static final class Relation extends Step {
    private final BuiltinCall call;
    private final Pattern target;

    Relation(BuiltinCall call, Pattern target) {
      this.call = call;
      this.target = target;
    }

    @Override
    boolean run(Ev ev, Value[] f) {
      if (!(call.eval(ev, f) instanceof ArrayValue results)) {
        return false;
      }
      for (int j = 0; j < results.size(); j++) {
        ev.tick();
        if (target == null
            ? results.get(j) != BooleanValue.FALSE && next.run(ev, f)
            : matchThen(ev, f, target, results.get(j), next)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code print(…)}: each operand's values (as a set), "<undefined>" for none; always succeeds. */
  static final class Print extends Step {
    private final ValueFn[] operands;

    Print(ValueFn[] operands) {
      this.operands = operands;
    }

    @Override
    boolean run(Ev ev, Value[] f) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < operands.length; i++) {
        if (i > 0) {
          line.append(' ');
        }
        Value v = operands[i].eval(ev, f);
        if (!(v instanceof SetValue s) || s.isEmpty()) {
          line.append("<undefined>");
          continue;
        }
        for (int j = 0; j < s.size(); j++) {
          if (j > 0) {
            line.append(' ');
          }
          line.append(s.get(j) instanceof StringValue str ? str.value() : s.get(j).toRego());
        }
      }
      ev.print(line.toString());
      return next.run(ev, f);
    }
  }
}
