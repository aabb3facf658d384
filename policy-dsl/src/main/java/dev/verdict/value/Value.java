package dev.verdict.value;

/**
 * A JSON-compatible Rego value. Values are immutable, compare with OPA's total order
 * (null &lt; boolean &lt; number &lt; string &lt; array &lt; object &lt; set) and are equal exactly
 * when they compare equal, so they can key hash maps and sorted collections alike.
 */
public sealed interface Value extends Comparable<Value>
    permits NullValue, BooleanValue, NumberValue, StringValue, ArrayValue, ObjectValue, SetValue {

  /** Position of this value's type in OPA's sort order. */
  int typeOrder();

  /** The type name OPA uses in messages and in {@code type_name}: null, boolean, number, … */
  String typeName();

  /** True when the value is neither a collection nor contains one. */
  default boolean isScalar() {
    return typeOrder() <= StringValue.TYPE_ORDER;
  }

  /** Compares values of the same type; only called by {@link #compareTo} after type orders match. */
  int compareSameType(Value other);

  @Override
  default int compareTo(Value other) {
    int byType = Integer.compare(typeOrder(), other.typeOrder());
    return byType != 0 ? byType : compareSameType(other);
  }

  /** Rego source text for this value (sets as {@code {…}}, {@code set()} when empty). */
  default String toRego() {
    return RegoText.of(this);
  }
}
