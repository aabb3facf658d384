package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.ANY_ARRAY;
import static dev.verdict.types.Type.ANY_OBJECT;
import static dev.verdict.types.Type.ANY_SET;
import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.NUMBER;
import static dev.verdict.types.Type.STRING;

import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.Arrays;
import java.util.function.BinaryOperator;

/** {@code count sum product max min sort} and the deprecated {@code all any}. */
final class AggregateBuiltins {

  private AggregateBuiltins() {}

  static void register(BuiltinRegistry r) {
    Type collection = Type.anyOf(ANY_ARRAY, ANY_SET);
    Type numbers = Type.anyOf(Type.setOf(NUMBER), Type.arrayOf(NUMBER));
    r.function("count", Signature.of(NUMBER, Type.anyOf(STRING, ANY_ARRAY, ANY_OBJECT, ANY_SET)), (ctx, a) -> count(a[0]));
    r.function("sum", Signature.of(NUMBER, numbers), (ctx, a) -> sum(a[0]));
    r.function("product", Signature.of(NUMBER, numbers), (ctx, a) -> product(a[0]));
    r.function("max", Signature.of(ANY, collection), (ctx, a) -> extreme(a[0], 1));
    r.function("min", Signature.of(ANY, collection), (ctx, a) -> extreme(a[0], -1));
    r.function("sort", Signature.of(ANY_ARRAY, collection), (ctx, a) -> sort(a[0]));
    r.deprecated("all", Signature.of(BOOLEAN, collection), (ctx, a) -> all(a[0]));
    r.deprecated("any", Signature.of(BOOLEAN, collection), (ctx, a) -> any(a[0]));
  }

  static NumberValue count(Value v) {
    return switch (v) {
      case ArrayValue a -> NumberValue.of(a.size());
      case ObjectValue o -> NumberValue.of(o.size());
      case SetValue s -> NumberValue.of(s.size());
      case StringValue s -> NumberValue.of(s.value().codePointCount(0, s.value().length()));
      default -> throw BuiltinException.operandType(1, "one of {array, object, set, string}", v);
    };
  }

  /**
   * Exact when every element is an integer; otherwise OPA starts over in big.Float and adds every
   * element, rounding at each step, so this does the same.
   */
  static NumberValue sum(Value v) {
    return fold(numbers(v), NumberValue.ZERO, ArithmeticBuiltins::plus, GoFloat::add);
  }

  static NumberValue product(Value v) {
    return fold(numbers(v), NumberValue.ONE, ArithmeticBuiltins::multiply, GoFloat::multiply);
  }

  private static NumberValue fold(
      Iterable<Value> elements, NumberValue identity, BinaryOperator<NumberValue> exact, BinaryOperator<GoFloat> inexact) {
    boolean integers = true;
    for (Value e : elements) {
      integers &= ((NumberValue) e).isInteger();
    }
    if (integers) {
      NumberValue acc = identity;
      for (Value e : elements) {
        acc = exact.apply(acc, (NumberValue) e);
      }
      return acc;
    }
    GoFloat acc = GoFloat.of(identity);
    for (Value e : elements) {
      acc = inexact.apply(acc, GoFloat.of((NumberValue) e));
    }
    return acc.toNumber();
  }

  /** The elements of an array or set of numbers, with OPA's errors for anything else. */
  private static Iterable<Value> numbers(Value v) {
    if (!(v instanceof ArrayValue) && !(v instanceof SetValue)) {
      throw BuiltinException.operandType(1, "one of {set, array}", v);
    }
    Iterable<Value> elements = Args.elements(v);
    for (Value e : elements) {
      if (!(e instanceof NumberValue)) {
        throw Args.elementError(1, v, e, "number");
      }
    }
    return elements;
  }

  private static Value extreme(Value v, int direction) {
    switch (v) {
      case SetValue s -> {
        return s.isEmpty() ? null : s.get(direction > 0 ? s.size() - 1 : 0);
      }
      case ArrayValue a -> {
        if (a.isEmpty()) {
          return null;
        }
        Value best = a.get(0);
        for (int i = 1; i < a.size(); i++) {
          if (a.get(i).compareTo(best) * direction > 0) {
            best = a.get(i);
          }
        }
        return best;
      }
      default -> throw BuiltinException.operandType(1, "one of {set, array}", v);
    }
  }

  private static ArrayValue sort(Value v) {
    return switch (v) {
      case ArrayValue a -> {
        Value[] sorted = a.toArray();
        Arrays.sort(sorted);
        yield ArrayValue.wrap(sorted);
      }
      case SetValue s -> ArrayValue.of(s.asList());
      default -> throw BuiltinException.operandType(1, "one of {set, array}", v);
    };
  }

  private static BooleanValue all(Value v) {
    checkCollection(v);
    for (Value e : Args.elements(v)) {
      if (e != BooleanValue.TRUE) {
        return BooleanValue.FALSE;
      }
    }
    return BooleanValue.TRUE;
  }

  private static BooleanValue any(Value v) {
    checkCollection(v);
    return BooleanValue.of(v instanceof SetValue s ? s.contains(BooleanValue.TRUE) : ((ArrayValue) v).asList().contains(BooleanValue.TRUE));
  }

  private static void checkCollection(Value v) {
    if (!(v instanceof ArrayValue) && !(v instanceof SetValue)) {
      throw BuiltinException.operandType(1, "one of {array, set}", v);
    }
  }
}
