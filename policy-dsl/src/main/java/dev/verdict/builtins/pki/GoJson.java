package dev.verdict.builtins.pki;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Values as Go's encoding/json writes them: []byte as base64, nil slices as null. */
final class GoJson {

  private GoJson() {}

  static Value bytes(byte[] b) {
    return b == null ? NullValue.NULL : StringValue.of(Base64.getEncoder().encodeToString(b));
  }

  static Value num(long n) {
    return NumberValue.of(n);
  }

  static Value num(BigInteger n) {
    return n == null ? NullValue.NULL : NumberValue.of(n);
  }

  static Value bool(boolean b) {
    return BooleanValue.of(b);
  }

  static Value str(String s) {
    return StringValue.of(s);
  }

  /** A Go slice: null when nil (here: null or empty, as Go's parsers leave unset slices nil). */
  static <T> Value slice(List<T> items, Function<T, Value> each) {
    if (items == null || items.isEmpty()) {
      return NullValue.NULL;
    }
    return ArrayValue.of(items.stream().map(each).toList());
  }

  static Value strings(List<String> items) {
    return slice(items, StringValue::of);
  }

  static Value oid(long[] arcs) {
    Value[] out = new Value[arcs.length];
    for (int i = 0; i < arcs.length; i++) {
      out[i] = NumberValue.of(arcs[i]);
    }
    return ArrayValue.wrap(out);
  }
}
