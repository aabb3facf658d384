package dev.verdict.value;

/** true or false; false sorts first. */
public final class BooleanValue implements Value {

  public static final BooleanValue FALSE = new BooleanValue(false);
  public static final BooleanValue TRUE = new BooleanValue(true);
  static final int TYPE_ORDER = 1;

  private final boolean value;

  private BooleanValue(boolean value) {
    this.value = value;
  }

  public static BooleanValue of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public boolean value() {
    return value;
  }

  @Override
  public int typeOrder() {
    return TYPE_ORDER;
  }

  @Override
  public String typeName() {
    return "boolean";
  }

  @Override
  public int compareSameType(Value other) {
    return Boolean.compare(value, ((BooleanValue) other).value);
  }

  @Override
  public String toString() {
    return value ? "true" : "false";
  }
}
