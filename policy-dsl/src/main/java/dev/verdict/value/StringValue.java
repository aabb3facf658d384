package dev.verdict.value;

/** A string. Strings order by Unicode code point, as Go orders UTF-8 bytes. */
public record StringValue(String value) implements Value {

  static final int TYPE_ORDER = 3;
  public static final StringValue EMPTY = new StringValue("");

  public StringValue {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static StringValue of(String s) {
    return s.isEmpty() ? EMPTY : new StringValue(s);
  }

  @Override
  public int typeOrder() {
    return TYPE_ORDER;
  }

  @Override
  public String typeName() {
    return "string";
  }

  @Override
  public int compareSameType(Value other) {
    return compareCodePoints(value, ((StringValue) other).value);
  }

  /**
   * UTF-16 order differs from code-point order only where a surrogate meets a character at or
   * above U+E000; remapping those two ranges at the first difference restores code-point order.
   */
  static int compareCodePoints(String a, String b) {
    if (a.equals(b)) {
      return 0; // the common case when comparing object keys, and far cheaper than the loop
    }
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
          return remap(x) - remap(y);
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  private static int remap(char c) {
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }

  // Explicit rather than the record's generated pair: these run on every key lookup.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof StringValue s && value.equals(s.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return RegoText.quote(value);
  }
}
