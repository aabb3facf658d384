package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Builtin calls taken from OPA's conformance cases by {@code src/test/scripts/extract_calls.py}
 * (resources under {@code opa/}, Apache-2.0, see opa/LICENSE): each case calls one builtin with
 * literal operands and expects a value, undefined, or an error message fragment.
 */
final class ConformanceCalls {

  private ConformanceCalls() {}

  static Stream<DynamicTest> tests(String resource, BuiltinCalls calls) throws IOException {
    ObjectValue doc;
    try (InputStream in = ConformanceCalls.class.getResourceAsStream("/opa/" + resource)) {
      doc = (ObjectValue) Json.parse(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Value v : ((ArrayValue) doc.get("cases")).asList()) {
      ObjectValue c = (ObjectValue) v;
      String note = ((StringValue) c.get("note")).value();
      tests.add(DynamicTest.dynamicTest(note, () -> run(calls, c)));
    }
    return tests.stream();
  }

  private static void run(BuiltinCalls calls, ObjectValue c) {
    String name = ((StringValue) c.get("builtin")).value();
    Builtin b = BuiltinRegistry.standard().get(name);
    List<Value> args = new ArrayList<>(((ArrayValue) c.get("args")).asList());
    while (args.size() > b.signature().arity()) {
      args.remove(args.size() - 1); // the output operand of the call form f(x, out)
    }
    Value[] operands = args.stream().map(ConformanceCalls::decode).toArray(Value[]::new);
    if (c.get("error") instanceof StringValue fragment) {
      try {
        Value got = b.function().apply(calls, operands);
        fail("expected an error containing '" + fragment.value() + "' but got " + got);
      } catch (BuiltinException e) {
        String message = name + ": " + e.getMessage();
        assertTrue(message.contains(fragment.value()) || ("eval_builtin_error: " + message).contains(fragment.value()),
            () -> "message: " + message);
        if (c.get("code") instanceof StringValue code && !code.value().isEmpty()) {
          assertEquals(code.value(), e.code().code());
        }
      }
      return;
    }
    Value got = b.function().apply(calls, operands);
    Value want = c.get("want");
    boolean negated = c.get("negated") == dev.verdict.value.BooleanValue.TRUE;
    if (want.equals(StringValue.of("$undefined"))) {
      // "p if { f(x) }" is undefined when the call is undefined or false
      assertTrue(got == null || got == dev.verdict.value.BooleanValue.FALSE, () -> "got " + got);
    } else if (negated) {
      assertTrue(got == null || got == dev.verdict.value.BooleanValue.FALSE, () -> "negated call got " + got);
    } else if (want == dev.verdict.value.BooleanValue.TRUE && !(got instanceof dev.verdict.value.BooleanValue)) {
      // "p if { f(x) }": any defined, non-false result makes p true
      assertTrue(got != null, "undefined");
    } else {
      assertEquals(normalize(decode(want)), normalize(got));
    }
  }

  /** Sets are written {"$set": [...]} in the extracted data. */
  static Value decode(Value v) {
    return switch (v) {
      case ObjectValue o when o.size() == 1 && o.get("$set") instanceof ArrayValue items ->
          SetValue.of(items.asList().stream().map(ConformanceCalls::decode).toList());
      case ObjectValue o -> {
        ObjectValue.Builder b = ObjectValue.builder();
        for (int i = 0; i < o.size(); i++) {
          b.put(o.key(i), decode(o.value(i)));
        }
        yield b.build();
      }
      case ArrayValue a -> ArrayValue.of(a.asList().stream().map(ConformanceCalls::decode).toList());
      default -> v;
    };
  }

  /** Results compare as JSON does in the corpus: sets as sorted arrays. */
  static Value normalize(Value v) {
    return switch (v) {
      case SetValue s -> ArrayValue.of(s.asList().stream().map(ConformanceCalls::normalize).toList());
      case ArrayValue a -> ArrayValue.of(a.asList().stream().map(ConformanceCalls::normalize).toList());
      case ObjectValue o -> {
        ObjectValue.Builder b = ObjectValue.builder();
        for (int i = 0; i < o.size(); i++) {
          b.put(o.key(i), normalize(o.value(i)));
        }
        yield b.build();
      }
      default -> v;
    };
  }
}
