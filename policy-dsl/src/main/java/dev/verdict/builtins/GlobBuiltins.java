package dev.verdict.builtins;

import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.NULL;
import static dev.verdict.types.Type.STRING;

import com.google.re2j.Pattern;
import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;

/** {@code glob.match} (gobwas/glob syntax) and {@code glob.quote_meta}. */
final class GlobBuiltins {

  private record Key(String pattern, String delimiters) {}

  private static final BoundedCache<Key, GoRegex.Compiled> CACHE = new BoundedCache<>(1000);

  private GlobBuiltins() {}

  static void register(BuiltinRegistry r) {
    r.function("glob.match", Signature.of(BOOLEAN, STRING, Type.anyOf(NULL, Type.arrayOf(STRING)), STRING), (ctx, a) -> {
      String pattern = Operands.string(a, 0);
      String delimiters = delimiters(a[1]);
      String subject = Operands.string(a, 2);
      Pattern p = CACHE.get(new Key(pattern, delimiters), GlobBuiltins::compile).orThrow();
      return BooleanValue.of(p.matches(subject));
    });
    r.function("glob.quote_meta", Signature.of(STRING, STRING), (ctx, a) -> StringValue.of(quoteMeta(Operands.string(a, 0))));
  }

  /** null: no delimiters; an empty array: the default delimiter {@code .}; else single characters. */
  private static String delimiters(Value v) {
    switch (v) {
      case NullValue n -> {
        return "";
      }
      case ArrayValue arr -> {
        if (arr.isEmpty()) {
          return ".";
        }
        StringBuilder b = new StringBuilder();
        for (Value e : arr.asList()) {
          if (!(e instanceof StringValue s)) {
            throw Args.elementError(2, arr, e, "string");
          }
          if (s.value().codePointCount(0, s.value().length()) != 1) {
            throw Args.elementError(2, arr, e, "rune");
          }
          b.append(s.value());
        }
        return b.toString();
      }
      default -> throw BuiltinException.operandType(2, "one of {array, null}", v);
    }
  }

  private static GoRegex.Compiled compile(Key k) {
    try {
      String regex = GlobSyntax.toRegex(k.pattern(), k.delimiters());
      return GoRegex.compileUncached(regex);
    } catch (GlobSyntax.Invalid e) {
      return new GoRegex.Compiled(null, e.getMessage());
    }
  }

  /** gobwas/glob's QuoteMeta: a backslash before each of {@code * ? \\ [ ] { }}. */
  static String quoteMeta(String s) {
    return GoStrings.backslashEscape(s, "*?\\[]{}");
  }
}
