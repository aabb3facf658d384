package dev.verdict.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An immutable set; elements are kept in OPA's sort order, which is also the iteration order. */
public final class SetValue implements Value {

  static final int TYPE_ORDER = 6;
  private static final int HASH_INDEX_THRESHOLD = 8;
  public static final SetValue EMPTY = new SetValue(new Value[0]);

  private final Value[] elements;
  private volatile Set<Value> index;
  private int hash;

  private SetValue(Value[] sortedDistinct) {
    this.elements = sortedDistinct;
  }

  public static SetValue of(Value... elements) {
    return of(Arrays.asList(elements));
  }

  public static SetValue of(Collection<? extends Value> elements) {
    if (elements.isEmpty()) {
      return EMPTY;
    }
    Value[] sorted = elements.toArray(new Value[0]);
    Arrays.sort(sorted);
    int n = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i].compareTo(sorted[n - 1]) != 0) {
        sorted[n++] = sorted[i];
      }
    }
    return new SetValue(n == sorted.length ? sorted : Arrays.copyOf(sorted, n));
  }

  public int size() {
    return elements.length;
  }

  public boolean isEmpty() {
    return elements.length == 0;
  }

  /** The i-th element in sort order. */
  public Value get(int i) {
    return elements[i];
  }

  public boolean contains(Value v) {
    if (elements.length <= HASH_INDEX_THRESHOLD) {
      for (Value e : elements) {
        if (e.equals(v)) {
          return true;
        }
      }
      return false;
    }
    Set<Value> idx = index;
    if (idx == null) {
      idx = new HashSet<>(Arrays.asList(elements));
      index = idx;
    }
    return idx.contains(v);
  }

  public List<Value> asList() {
    return List.of(elements);
  }

  public SetValue union(SetValue other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<Value> all = new ArrayList<>(elements.length + other.elements.length);
    all.addAll(asList());
    all.addAll(other.asList());
    return of(all);
  }

  public SetValue intersect(SetValue other) {
    List<Value> common = new ArrayList<>();
    for (Value e : elements) {
      if (other.contains(e)) {
        common.add(e);
      }
    }
    return common.size() == elements.length ? this : of(common);
  }

  public SetValue minus(SetValue other) {
    List<Value> rest = new ArrayList<>();
    for (Value e : elements) {
      if (!other.contains(e)) {
        rest.add(e);
      }
    }
    return rest.size() == elements.length ? this : of(rest);
  }

  @Override
  public int typeOrder() {
    return TYPE_ORDER;
  }

  @Override
  public String typeName() {
    return "set";
  }

  @Override
  public int compareSameType(Value other) {
    return ArrayValue.compareSequences(elements, ((SetValue) other).elements);
  }

  @Override
  public boolean equals(Object obj) {
    return this == obj
        || obj instanceof SetValue o && hashCode() == o.hashCode() && Arrays.equals(elements, o.elements);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * Arrays.hashCode(elements) + 7;
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override
  public String toString() {
    return toRego();
  }
}
