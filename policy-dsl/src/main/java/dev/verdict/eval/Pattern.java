package dev.verdict.eval;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;

/**
 * The unbound side of a unification: matching a value binds the pattern's vars (recorded on the
 * evaluation's trail so the caller can undo them) or fails. A var met twice in one pattern is
 * compared the second time.
 */
sealed interface Pattern {

  boolean match(Ev ev, Value[] f, Value v);

  record Var(int slot) implements Pattern {
    @Override
    public boolean match(Ev ev, Value[] f, Value v) {
      Value bound = f[slot];
      if (bound == null) {
        f[slot] = v;
        ev.trail(slot);
        return true;
      }
      return bound.equals(v);
    }
  }

  /** A ground term: matches values equal to it. */
  record Ground(ValueFn fn) implements Pattern {
    @Override
    public boolean match(Ev ev, Value[] f, Value v) {
      Value x = fn.eval(ev, f);
      return x != null && x.equals(v);
    }
  }

  record Array(Pattern[] elements) implements Pattern {
    @Override
    public boolean match(Ev ev, Value[] f, Value v) {
      if (!(v instanceof ArrayValue a) || a.size() != elements.length) {
        return false;
      }
      for (int i = 0; i < elements.length; i++) {
        if (!elements[i].match(ev, f, a.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  /** An object pattern: same number of keys, each (ground) key present with a matching value. */
  record Object(ValueFn[] keys, Pattern[] values) implements Pattern {
    @Override
    public boolean match(Ev ev, Value[] f, Value v) {
      if (!(v instanceof ObjectValue o) || o.size() != keys.length) {
        return false;
      }
      for (int i = 0; i < keys.length; i++) {
        Value k = keys[i].eval(ev, f);
        Value x = k == null ? null : o.get(k);
        if (x == null || !values[i].match(ev, f, x)) {
          return false;
        }
      }
      return true;
    }
  }
}
