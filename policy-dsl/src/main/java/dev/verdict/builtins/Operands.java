package dev.verdict.builtins;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;

/**
 * Typed access to builtin operands, raising OPA's operand type error
 * ({@code operand 2 must be string but got number}) when an operand has the wrong type.
 * Operand positions in messages are 1-based, as in OPA.
 */
public final class Operands {

  private Operands() {}

  public static String string(Value[] args, int i) {
    if (args[i] instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.operandType(i + 1, "string", args[i]);
  }

  public static NumberValue number(Value[] args, int i) {
    if (args[i] instanceof NumberValue n) {
      return n;
    }
    throw BuiltinException.operandType(i + 1, "number", args[i]);
  }

  public static boolean bool(Value[] args, int i) {
    if (args[i] instanceof BooleanValue b) {
      return b.value();
    }
    throw BuiltinException.operandType(i + 1, "boolean", args[i]);
  }

  public static ArrayValue array(Value[] args, int i) {
    if (args[i] instanceof ArrayValue a) {
      return a;
    }
    throw BuiltinException.operandType(i + 1, "array", args[i]);
  }

  public static ObjectValue object(Value[] args, int i) {
    if (args[i] instanceof ObjectValue o) {
      return o;
    }
    throw BuiltinException.operandType(i + 1, "object", args[i]);
  }

  public static SetValue set(Value[] args, int i) {
    if (args[i] instanceof SetValue s) {
      return s;
    }
    throw BuiltinException.operandType(i + 1, "set", args[i]);
  }

  /**
   * An operand that must be one of several types: {@code expected} lists OPA's names in OPA's
   * order, e.g. {@code oneOf(args, 0, "array", "object", "set", "string")} fails with
   * {@code operand 1 must be one of {array, object, set, string} but got null}.
   */
  public static Value oneOf(Value[] args, int i, String... expected) {
    for (String type : expected) {
      if (args[i].typeName().equals(type)) {
        return args[i];
      }
    }
    throw BuiltinException.operandType(i + 1, "one of {" + String.join(", ", expected) + "}", args[i]);
  }
}
