package dev.verdict.eval;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.Value;

/** Dereferencing plain values: one key at a time, or a path. */
final class Docs {

  private Docs() {}

  /** {@code v[key]}, or null when undefined. A set member dereferences to itself. */
  static Value child(Value v, Value key) {
    // instanceof tests rather than a type switch: this runs for every key of every ref.
    if (v instanceof ObjectValue o) {
      return o.get(key);
    }
    if (v instanceof ArrayValue a) {
      return a.get(key);
    }
    return v instanceof SetValue s && s.contains(key) ? key : null;
  }

  /**
   * {@code data…[key]} in base data, where OPA's storage addresses by strings: an integer key
   * also finds its decimal string ({@code data[2]} reads {@code "2"}).
   */
  static Value baseChild(Value v, Value key) {
    Value c = child(v, key);
    if (c == null && v instanceof ObjectValue o && key instanceof NumberValue n && n.isInteger()) {
      c = o.get(StringValue.of(n.toString()));
    }
    return c;
  }

  static Value baseWalk(Value v, Value[] path, int from) {
    for (int i = from; i < path.length && v != null; i++) {
      v = baseChild(v, path[i]);
    }
    return v;
  }

  static Value walk(Value v, Value[] path, int from, int to) {
    for (int i = from; i < to && v != null; i++) {
      v = child(v, path[i]);
    }
    return v;
  }
}
