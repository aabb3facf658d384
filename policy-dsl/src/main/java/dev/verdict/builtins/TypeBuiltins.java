package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.ANY_ARRAY;
import static dev.verdict.types.Type.ANY_OBJECT;
import static dev.verdict.types.Type.ANY_SET;
import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.NULL;
import static dev.verdict.types.Type.NUMBER;
import static dev.verdict.types.Type.STRING;

import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code is_* type_name to_number} and the deprecated {@code cast_*}. */
final class TypeBuiltins {

  private TypeBuiltins() {}

  static void register(BuiltinRegistry r) {
    Signature test = Signature.of(BOOLEAN, ANY);
    for (String type : new String[] {"number", "string", "boolean", "array", "set", "object", "null"}) {
      r.function("is_" + type, test, (ctx, a) -> BooleanValue.of(a[0].typeName().equals(type)));
    }
    r.function("type_name", Signature.of(STRING, ANY), (ctx, a) -> StringValue.of(a[0].typeName()));
    r.function("to_number", Signature.of(NUMBER, Type.anyOf(NULL, BOOLEAN, NUMBER, STRING)), (ctx, a) -> toNumber(a[0]));
    r.deprecated("cast_array", Signature.of(ANY_ARRAY, ANY), (ctx, a) -> switch (a[0]) {
      case ArrayValue arr -> arr;
      case SetValue s -> ArrayValue.of(s.asList());
      default -> throw BuiltinException.operandType(1, "one of {array, set}", a[0]);
    });
    r.deprecated("cast_set", Signature.of(ANY_SET, ANY), (ctx, a) -> switch (a[0]) {
      case ArrayValue arr -> SetValue.of(arr.asList());
      case SetValue s -> s;
      default -> throw BuiltinException.operandType(1, "one of {array, set}", a[0]);
    });
    cast(r, "cast_string", STRING, "string");
    cast(r, "cast_boolean", BOOLEAN, "boolean");
    cast(r, "cast_null", NULL, "null");
    cast(r, "cast_object", ANY_OBJECT, "object");
  }

  private static void cast(BuiltinRegistry r, String name, Type result, String type) {
    r.deprecated(name, Signature.of(result, ANY), (ctx, a) -> {
      if (a[0].typeName().equals(type)) {
        return a[0];
      }
      throw BuiltinException.operandType(1, type, a[0]);
    });
  }

  /** strconv.ParseFloat's hexadecimal form, whose binary exponent is required. */
  private static final Pattern HEX =
      Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+(\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");

  static NumberValue toNumber(Value v) {
    return switch (v) {
      case NullValue n -> NumberValue.ZERO;
      case BooleanValue b -> b.value() ? NumberValue.ONE : NumberValue.ZERO;
      case NumberValue n -> n;
      case StringValue s -> parseNumber(s);
      default -> throw BuiltinException.operandType(1, "one of {null, boolean, number, string}", v);
    };
  }

  private static NumberValue parseNumber(StringValue s) {
    String text = s.value();
    String word = text.replaceFirst("^[+-]+", "").toLowerCase(Locale.ROOT);
    if (word.equals("inf") || word.equals("infinity") || word.equals("nan")) {
      throw BuiltinException.operandType(1, "valid number string", s);
    }
    if (GoStrings.DECIMAL.matcher(text).matches()) {
      BigDecimal d = new BigDecimal(text);
      if (Double.isInfinite(d.doubleValue())) {
        throw Args.error("strconv.ParseFloat: parsing " + GoStrconv.quote(text) + ": value out of range");
      }
      return NumberValue.of(d);
    }
    if (HEX.matcher(text).matches()) {
      double d = Double.parseDouble(text);
      if (Double.isInfinite(d)) {
        throw Args.error("strconv.ParseFloat: parsing " + GoStrconv.quote(text) + ": value out of range");
      }
      return NumberValue.of(new BigDecimal(d));
    }
    throw Args.error("strconv.ParseFloat: parsing " + GoStrconv.quote(text) + ": invalid syntax");
  }
}
