package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.value.Json;
import dev.verdict.value.Value;
import java.util.Map;

/** Calls builtins of the standard registry directly, with a fixed clock and a per-test cache. */
final class BuiltinCalls extends StandaloneContext {

  BuiltinCalls() {
    this(1_700_000_000_000_000_000L, Map.of());
  }

  BuiltinCalls(long nowNanos, Map<String, Object> runtime) {
    super(nowNanos, runtime, line -> {});
  }

  /** A JSON document as a value. */
  static Value json(String text) {
    return Json.parse(text);
  }

  Value call(String name, Value... args) {
    Builtin b = BuiltinRegistry.standard().get(name);
    assertNotNull(b, "no builtin " + name);
    assertEquals(b.signature().arity(), args.length, "arity of " + name);
    return b.function().apply(this, args);
  }

  /** Calls with JSON-written operands and compares with a JSON-written result. */
  void assertCall(String expectedJson, String name, String... jsonArgs) {
    Value[] args = new Value[jsonArgs.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = json(jsonArgs[i]);
    }
    assertEquals(json(expectedJson), call(name, args), name);
  }

  /** The builtin fails with this code and a message containing {@code fragment}. */
  BuiltinException assertError(BuiltinException.Code code, String fragment, String name, Value... args) {
    BuiltinException e = assertThrows(BuiltinException.class, () -> call(name, args));
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), () -> "message: " + e.getMessage());
    return e;
  }
}
