package dev.verdict.value;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable object. Keys may be any value (Rego allows non-string keys); they are kept in
 * OPA's sort order, which is the iteration order. Large objects get a hash index for lookups.
 */
public final class ObjectValue implements Value {

  static final int TYPE_ORDER = 5;
  private static final int HASH_INDEX_THRESHOLD = 8;
  /** Up to this many entries an insertion sort beats building a map. */
  private static final int SMALL_SORT = 16;
  public static final ObjectValue EMPTY = new ObjectValue(new Value[0], new Value[0]);

  private final Value[] keys;
  private final Value[] values;
  private volatile Map<Value, Integer> index;
  private int hash;

  private ObjectValue(Value[] sortedKeys, Value[] values) {
    this.keys = sortedKeys;
    this.values = values;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static ObjectValue of(Map<? extends Value, ? extends Value> entries) {
    Builder b = builder();
    entries.forEach(b::put);
    return b.build();
  }

  /**
   * Object from the first {@code n} entries of parallel arrays, in any order; of equal keys the
   * later wins, as with {@link Builder#put}. Reuses the arrays. Small objects (request inputs) are
   * sorted in place, without the builder's map.
   */
  static ObjectValue ofEntries(Value[] keys, Value[] values, int n) {
    if (n == 0) {
      return EMPTY;
    }
    if (n > SMALL_SORT) {
      Builder b = builder();
      for (int i = 0; i < n; i++) {
        b.put(keys[i], values[i]);
      }
      return b.build();
    }
    // Stable insertion sort: equal keys keep their input order.
    for (int i = 1; i < n; i++) {
      Value k = keys[i];
      Value v = values[i];
      int j = i - 1;
      for (; j >= 0 && keys[j].compareTo(k) > 0; j--) {
        keys[j + 1] = keys[j];
        values[j + 1] = values[j];
      }
      keys[j + 1] = k;
      values[j + 1] = v;
    }
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (i + 1 < n && keys[i].equals(keys[i + 1])) {
        continue; // a later equal key follows and wins
      }
      keys[m] = keys[i];
      values[m++] = values[i];
    }
    return new ObjectValue(Arrays.copyOf(keys, m), Arrays.copyOf(values, m));
  }

  /** Object from alternating keys and values. */
  public static ObjectValue of(Value... keysAndValues) {
    Builder b = builder();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      b.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return b.build();
  }

  public int size() {
    return keys.length;
  }

  public boolean isEmpty() {
    return keys.length == 0;
  }

  /** The i-th key in sort order. */
  public Value key(int i) {
    return keys[i];
  }

  /** The value of the i-th key in sort order. */
  public Value value(int i) {
    return values[i];
  }

  /** The value under {@code key}, or null when absent. */
  public Value get(Value key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  public Value get(String key) {
    return get(StringValue.of(key));
  }

  public boolean containsKey(Value key) {
    return indexOf(key) >= 0;
  }

  private int indexOf(Value key) {
    if (keys.length <= HASH_INDEX_THRESHOLD) {
      for (int i = 0; i < keys.length; i++) {
        if (key.equals(keys[i])) {
          return i;
        }
      }
      return -1;
    }
    Map<Value, Integer> idx = index;
    if (idx == null) {
      idx = new HashMap<>(keys.length * 2);
      for (int i = 0; i < keys.length; i++) {
        idx.put(keys[i], i);
      }
      index = idx;
    }
    Integer i = idx.get(key);
    return i == null ? -1 : i;
  }

  public SetValue keySet() {
    return SetValue.of(Arrays.asList(keys));
  }

  /** A builder holding this object's entries, for making a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (int i = 0; i < keys.length; i++) {
      b.put(keys[i], values[i]);
    }
    return b;
  }

  @Override
  public int typeOrder() {
    return TYPE_ORDER;
  }

  @Override
  public String typeName() {
    return "object";
  }

  /** OPA's order: pairwise by sorted key, then by that key's value, then by size. */
  @Override
  public int compareSameType(Value other) {
    ObjectValue o = (ObjectValue) other;
    int n = Math.min(keys.length, o.keys.length);
    for (int i = 0; i < n; i++) {
      int c = keys[i].compareTo(o.keys[i]);
      if (c != 0) {
        return c;
      }
      c = values[i].compareTo(o.values[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(keys.length, o.keys.length);
  }

  @Override
  public boolean equals(Object obj) {
    return this == obj
        || obj instanceof ObjectValue o
            && hashCode() == o.hashCode()
            && Arrays.equals(keys, o.keys)
            && Arrays.equals(values, o.values);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override
  public String toString() {
    return toRego();
  }

  /** Collects entries (a later put of an equal key replaces the earlier value) and sorts once. */
  public static final class Builder {
    private final LinkedHashMap<Value, Value> entries = new LinkedHashMap<>();

    public Builder put(Value key, Value value) {
      entries.put(key, value);
      return this;
    }

    public Builder put(String key, Value value) {
      return put(StringValue.of(key), value);
    }

    public Builder remove(Value key) {
      entries.remove(key);
      return this;
    }

    public Value get(Value key) {
      return entries.get(key);
    }

    public boolean containsKey(Value key) {
      return entries.containsKey(key);
    }

    public int size() {
      return entries.size();
    }

    public ObjectValue build() {
      if (entries.isEmpty()) {
        return EMPTY;
      }
      Value[] k = entries.keySet().toArray(new Value[0]);
      boolean sorted = true;
      for (int i = 1; i < k.length && sorted; i++) {
        sorted = k[i - 1].compareTo(k[i]) < 0;
      }
      if (!sorted) {
        Arrays.sort(k);
      }
      Value[] v = new Value[k.length];
      for (int i = 0; i < k.length; i++) {
        v[i] = entries.get(k[i]);
      }
      return new ObjectValue(k, v);
    }
  }
}
