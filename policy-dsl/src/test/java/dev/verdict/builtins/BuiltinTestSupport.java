package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls builtins through the standard registry with values written as Rego terms. */
abstract class BuiltinTestSupport {

  /** A query context with its own memo, a fixed clock and no limits. */
  static final class TestContext extends StandaloneContext {
    final List<String> printed;

    TestContext() {
      this(new ArrayList<>());
    }

    private TestContext(List<String> printed) {
      super(1_700_000_000_000_000_000L, Map.of(), printed::add);
      this.printed = printed;
    }
  }

  TestContext ctx = new TestContext();

  /** Calls a builtin; null means undefined. */
  Value call(String name, Value... args) {
    Builtin b = BuiltinRegistry.standard().get(name);
    if (b == null) {
      fail("no builtin " + name);
    }
    assertEquals(b.signature().arity(), args.length, "arity of " + name);
    return b.function().apply(ctx, args);
  }

  /** Calls a builtin with operands written as Rego terms. */
  Value call(String name, String... args) {
    Value[] vs = new Value[args.length];
    for (int i = 0; i < args.length; i++) {
      vs[i] = v(args[i]);
    }
    return call(name, vs);
  }

  void check(String expected, String name, String... args) {
    Value got = call(name, args);
    if (got == null) {
      fail(name + " was undefined, expected " + expected);
    }
    assertEquals(v(expected), got, () -> name + "(" + String.join(", ", args) + ") = " + got);
  }

  void undefined(String name, String... args) {
    Value got = call(name, args);
    assertEquals(null, got, () -> name + " should be undefined, got " + got);
  }

  /** Asserts the builtin fails with the code and a message containing {@code fragment}. */
  BuiltinException fails(BuiltinException.Code code, String fragment, String name, String... args) {
    BuiltinException e = assertThrows(BuiltinException.class, () -> call(name, args));
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), () -> "message was: " + e.getMessage());
    return e;
  }

  BuiltinException typeError(String fragment, String name, String... args) {
    return fails(BuiltinException.Code.TYPE_ERROR, fragment, name, args);
  }

  BuiltinException builtinError(String fragment, String name, String... args) {
    return fails(BuiltinException.Code.BUILTIN_ERROR, fragment, name, args);
  }

  static StringValue s(String text) {
    return StringValue.of(text);
  }

  // ---- a small reader of Rego terms: JSON plus sets, set() and non-string keys ----

  static Value v(String text) {
    TermReader r = new TermReader(text);
    Value value = r.read();
    r.skipSpace();
    if (r.pos != text.length()) {
      throw new IllegalArgumentException("trailing text in " + text);
    }
    return value;
  }

  private static final class TermReader {
    final String s;
    int pos;

    TermReader(String s) {
      this.s = s;
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean eat(String token) {
      skipSpace();
      if (s.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    Value read() {
      skipSpace();
      char c = s.charAt(pos);
      if (eat("null")) {
        return NullValue.NULL;
      }
      if (eat("true")) {
        return BooleanValue.TRUE;
      }
      if (eat("false")) {
        return BooleanValue.FALSE;
      }
      if (eat("set()")) {
        return SetValue.EMPTY;
      }
      if (c == '"' || c == '`') {
        return StringValue.of(string());
      }
      if (c == '[') {
        pos++;
        List<Value> items = new ArrayList<>();
        if (!eat("]")) {
          do {
            items.add(read());
          } while (eat(","));
          expect("]");
        }
        return ArrayValue.of(items);
      }
      if (c == '{') {
        pos++;
        if (eat("}")) {
          return ObjectValue.EMPTY;
        }
        Value first = read();
        if (eat(":")) {
          ObjectValue.Builder b = ObjectValue.builder();
          b.put(first, read());
          while (eat(",")) {
            Value k = read();
            expect(":");
            b.put(k, read());
          }
          expect("}");
          return b.build();
        }
        List<Value> items = new ArrayList<>();
        items.add(first);
        while (eat(",")) {
          items.add(read());
        }
        expect("}");
        return SetValue.of(items);
      }
      int start = pos;
      while (pos < s.length() && "+-.0123456789eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalArgumentException("bad term at " + pos + " in " + s);
      }
      return NumberValue.parse(s.substring(start, pos));
    }

    void expect(String token) {
      if (!eat(token)) {
        throw new IllegalArgumentException("expected " + token + " at " + pos + " in " + s);
      }
    }

    String string() {
      char quote = s.charAt(pos++);
      StringBuilder sb = new StringBuilder();
      while (s.charAt(pos) != quote) {
        char c = s.charAt(pos++);
        if (c == '\\' && quote == '"') {
          char e = s.charAt(pos++);
          switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
              pos += 4;
            }
            default -> sb.append(e);
          }
        } else {
          sb.append(c);
        }
      }
      pos++;
      return sb.toString();
    }
  }
}
