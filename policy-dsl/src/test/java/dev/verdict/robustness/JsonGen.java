package dev.verdict.robustness;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Random JSON documents, with keys and strings that policies are likely to look at. */
public final class JsonGen {

  /** Object keys shared with {@link RegoGen}'s refs, so that generated refs find something. */
  static final List<String> KEYS = List.of("a", "b", "x", "user", "roles", "items", "0", "");

  private static final List<String> NUMBERS =
      List.of("0", "-1", "1", "2", "0.5", "-0", "3.14", "1e3", "-1e300", "1e400", "9223372036854775808", "123456789012345678901234567890.5");

  private static final List<String> STRINGS =
      List.of("", "a", "admin", "*", "a.b", "a/b", "%", "{", "\\", "2024-01-01T00:00:00Z", "1.2.3", "10.0.0.0/8",
          "eyJhbGciOiJub25lIn0.e30.", "[1,2]", "{\"a\":1}", "\u00e9\u4e2d\ud83d\ude00", "1024Mi", "true");

  private JsonGen() {}

  public static Arbitrary<Value> documents() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, objects(3)), Tuple.of(1, values(2)));
  }

  static Arbitrary<Value> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalars()),
        Tuple.of(1, Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4).map(ArrayValue::of)),
        Tuple.of(2, Arbitraries.lazy(() -> objects(depth - 1))));
  }

  private static Arbitrary<Value> objects(int depth) {
    return Arbitraries.maps(Arbitraries.of(KEYS), values(depth)).ofMaxSize(4).map(JsonGen::object);
  }

  private static Value object(Map<String, Value> entries) {
    Map<Value, Value> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(StringValue.of(k), v));
    return ObjectValue.of(out);
  }

  private static Arbitrary<Value> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.of(NullValue.NULL, BooleanValue.TRUE, BooleanValue.FALSE),
        Arbitraries.of(NUMBERS).map(NumberValue::parse),
        Arbitraries.integers().between(-5, 20).map(NumberValue::of),
        Arbitraries.of(STRINGS).map(StringValue::of),
        Arbitraries.strings().ofMaxLength(6).map(StringValue::of));
  }
}
