package dev.verdict.eval;

import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * Replacements of parts of {@code data} made by {@code with data.… as …}: a trie whose nodes
 * either replace the whole document at their path or hold replacements further down.
 */
record Overlay(Value value, Map<Value, Overlay> children) {

  static final Overlay EMPTY = new Overlay(null, Map.of());

  Overlay child(Value key) {
    return children.get(key);
  }

  /** A new overlay that also replaces the document at {@code path} with {@code v}. */
  Overlay with(Value[] path, int i, Value v) {
    if (i == path.length) {
      return new Overlay(v, Map.of());
    }
    if (value != null) {
      // Replacing inside a replaced document: edit the replacement itself.
      return new Overlay(upsert(value, path, i, v), Map.of());
    }
    Map<Value, Overlay> c = new HashMap<>(children);
    Overlay below = c.getOrDefault(path[i], EMPTY);
    c.put(path[i], below.with(path, i + 1, v));
    return new Overlay(null, c);
  }

  /** Applies this overlay's replacements below the root to a document. */
  Value applyTo(Value doc) {
    if (value != null) {
      return value;
    }
    if (children.isEmpty()) {
      return doc;
    }
    ObjectValue.Builder b = doc instanceof ObjectValue o ? o.toBuilder() : ObjectValue.builder();
    for (Map.Entry<Value, Overlay> e : children.entrySet()) {
      Value current = doc instanceof ObjectValue o ? o.get(e.getKey()) : null;
      b.put(e.getKey(), e.getValue().applyTo(current));
    }
    return b.build();
  }

  /** {@code doc} with the value at {@code path[i..]} set to {@code v}, creating objects on the way. */
  static Value upsert(Value doc, Value[] path, int i, Value v) {
    if (i == path.length) {
      return v;
    }
    ObjectValue.Builder b = doc instanceof ObjectValue o ? o.toBuilder() : ObjectValue.builder();
    Value current = doc instanceof ObjectValue o ? o.get(path[i]) : null;
    b.put(path[i], upsert(current, path, i + 1, v));
    return b.build();
  }
}
