package dev.verdict.value;

/** The JSON null. */
public final class NullValue implements Value {

  public static final NullValue NULL = new NullValue();
  static final int TYPE_ORDER = 0;

  private NullValue() {}

  @Override
  public int typeOrder() {
    return TYPE_ORDER;
  }

  @Override
  public String typeName() {
    return "null";
  }

  @Override
  public int compareSameType(Value other) {
    return 0;
  }

  @Override
  public String toString() {
    return "null";
  }
}
