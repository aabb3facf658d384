package dev.verdict.builtins;

import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** {@code opa.runtime}: what the embedding passed down (config, env, version …) as an object. */
public final class RuntimeBuiltins {

  private RuntimeBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.nondeterministic("opa.runtime", Signature.of(Type.objectOf(Type.STRING, Type.ANY)),
        (ctx, a) -> toValue(ctx.runtime()));
  }

  /** Plain Java data (maps, collections, strings, numbers, booleans, null, values) as a value. */
  static Value toValue(Object o) {
    return switch (o) {
      case null -> NullValue.NULL;
      case Value v -> v;
      case String s -> StringValue.of(s);
      case Boolean b -> BooleanValue.of(b);
      case Integer i -> NumberValue.of(i);
      case Long l -> NumberValue.of(l);
      case BigInteger b -> NumberValue.of(b);
      case BigDecimal d -> NumberValue.of(d);
      case Number n -> NumberValue.of(n.doubleValue());
      case Map<?, ?> m -> {
        ObjectValue.Builder b = ObjectValue.builder();
        m.forEach((k, v) -> b.put(StringValue.of(String.valueOf(k)), toValue(v)));
        yield b.build();
      }
      case Collection<?> c -> ArrayValue.of(c.stream().map(RuntimeBuiltins::toValue).toList());
      default -> StringValue.of(o.toString());
    };
  }
}
