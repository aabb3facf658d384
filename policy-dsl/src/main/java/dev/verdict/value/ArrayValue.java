package dev.verdict.value;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** An immutable array. */
public final class ArrayValue implements Value {

  static final int TYPE_ORDER = 4;
  public static final ArrayValue EMPTY = new ArrayValue(new Value[0]);

  private final Value[] elements;
  private int hash;

  private ArrayValue(Value[] elements) {
    this.elements = elements;
  }

  /** Takes ownership of the array: callers must not change it afterwards. */
  public static ArrayValue wrap(Value[] elements) {
    return elements.length == 0 ? EMPTY : new ArrayValue(elements);
  }

  public static ArrayValue of(Value... elements) {
    return wrap(elements.clone());
  }

  public static ArrayValue of(Collection<? extends Value> elements) {
    return wrap(elements.toArray(new Value[0]));
  }

  public int size() {
    return elements.length;
  }

  public boolean isEmpty() {
    return elements.length == 0;
  }

  public Value get(int i) {
    return elements[i];
  }

  /** The element at a number index, or null when the index is not an integer in range. */
  public Value get(Value index) {
    if (index instanceof NumberValue n && n.isLong()) {
      long i = n.longValue();
      if (i >= 0 && i < elements.length) {
        return elements[(int) i];
      }
    }
    return null;
  }

  public List<Value> asList() {
    return List.of(elements);
  }

  /** A copy of the elements that the caller owns. */
  public Value[] toArray() {
    return elements.clone();
  }

  public ArrayValue slice(int from, int to) {
    return wrap(Arrays.copyOfRange(elements, from, to));
  }

  @Override
  public int typeOrder() {
    return TYPE_ORDER;
  }

  @Override
  public String typeName() {
    return "array";
  }

  @Override
  public int compareSameType(Value other) {
    return compareSequences(elements, ((ArrayValue) other).elements);
  }

  static int compareSequences(Value[] a, Value[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  @Override
  public boolean equals(Object obj) {
    return this == obj
        || obj instanceof ArrayValue o && hashCode() == o.hashCode() && Arrays.equals(elements, o.elements);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(elements);
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override
  public String toString() {
    return toRego();
  }
}
