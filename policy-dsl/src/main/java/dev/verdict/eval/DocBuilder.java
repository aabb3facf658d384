package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the document of a rule root from the values its rules produce at paths below it.
 * A single-value rule's value is atomic: two different values at one path, a value above or
 * below another rule's value, or a value where a multi-value rule collects a set, is a conflict.
 */
final class DocBuilder {

  private final Entry root = new Entry();

  private static final class Entry {
    Value leaf;
    List<Value> set;
    Map<Value, Entry> children;
  }

  /** Records a single value at {@code path}. */
  void put(Value[] path, Value v, Location loc) {
    Entry e = descend(path, loc);
    if (e.set != null || e.children != null || e.leaf != null && !e.leaf.equals(v)) {
      throw conflict(loc);
    }
    e.leaf = v;
  }

  /** Adds an element to the set at {@code path}. */
  void add(Value[] path, Value element, Location loc) {
    Entry e = descend(path, loc);
    if (e.leaf != null || e.children != null) {
      throw conflict(loc);
    }
    if (e.set == null) {
      e.set = new ArrayList<>();
    }
    e.set.add(element);
  }

  /** True when nothing is recorded at or below {@code path}. */
  boolean isEmpty(Value[] path) {
    Entry e = root;
    for (Value k : path) {
      if (e.leaf != null || e.set != null) {
        return false;
      }
      e = e.children == null ? null : e.children.get(k);
      if (e == null) {
        return true;
      }
    }
    return e.leaf == null && e.set == null && e.children == null;
  }

  private Entry descend(Value[] path, Location loc) {
    Entry e = root;
    for (Value k : path) {
      if (e.leaf != null || e.set != null) {
        throw conflict(loc);
      }
      if (e.children == null) {
        e.children = new LinkedHashMap<>();
      }
      e = e.children.computeIfAbsent(k, x -> new Entry());
    }
    return e;
  }

  private static EvalException conflict(Location loc) {
    return EvalException.conflict("object keys must be unique", loc);
  }

  /** The document; an empty object when no rule produced anything. */
  Value build() {
    Value v = build(root);
    return v == null ? ObjectValue.EMPTY : v;
  }

  private static Value build(Entry e) {
    if (e.leaf != null) {
      return e.leaf;
    }
    if (e.set != null) {
      return SetValue.of(e.set);
    }
    if (e.children == null) {
      return null;
    }
    ObjectValue.Builder b = ObjectValue.builder();
    for (Map.Entry<Value, Entry> c : e.children.entrySet()) {
      Value v = build(c.getValue());
      if (v != null) {
        b.put(c.getKey(), v);
      }
    }
    return b.build();
  }
}
