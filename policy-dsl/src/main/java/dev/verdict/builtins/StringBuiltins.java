package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
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
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The string family. Positions and lengths count code points, as OPA counts runes; case mapping,
 * trimming and splitting follow Go's {@code strings} package.
 */
final class StringBuiltins {

  private StringBuiltins() {}

  static void register(BuiltinRegistry r) {
    Signature strStr = Signature.of(STRING, STRING, STRING);
    Signature test = Signature.of(BOOLEAN, STRING, STRING);
    Type strings = Type.anyOf(STRING, Type.arrayOf(STRING), Type.setOf(STRING));

    r.function("concat", Signature.of(STRING, STRING, Type.anyOf(Type.arrayOf(STRING), Type.setOf(STRING))), StringBuiltins::concat);
    r.function("contains", test, (ctx, a) -> BooleanValue.of(Operands.string(a, 0).contains(Operands.string(a, 1))));
    r.function("startswith", test, (ctx, a) -> BooleanValue.of(Operands.string(a, 0).startsWith(Operands.string(a, 1))));
    r.function("endswith", test, (ctx, a) -> BooleanValue.of(Operands.string(a, 0).endsWith(Operands.string(a, 1))));
    r.function("strings.count", Signature.of(NUMBER, STRING, STRING), (ctx, a) -> NumberValue.of(count(Operands.string(a, 0), Operands.string(a, 1))));
    r.function("format_int", Signature.of(STRING, NUMBER, NUMBER), StringBuiltins::formatInt);
    r.function("indexof", Signature.of(NUMBER, STRING, STRING), (ctx, a) -> {
      String s = Operands.string(a, 0);
      int at = s.indexOf(search(a));
      return NumberValue.of(at < 0 ? -1 : s.codePointCount(0, at));
    });
    r.function("indexof_n", Signature.of(Type.arrayOf(NUMBER), STRING, STRING), (ctx, a) -> {
      String s = Operands.string(a, 0);
      String search = search(a);
      List<Value> out = new ArrayList<>();
      // Overlapping matches count, one code point apart.
      for (int at = s.indexOf(search); at >= 0; at = s.indexOf(search, at + Character.charCount(s.codePointAt(at)))) {
        out.add(NumberValue.of(s.codePointCount(0, at)));
      }
      return ArrayValue.of(out);
    });
    r.function("lower", Signature.of(STRING, STRING), (ctx, a) -> mapCodePoints(a, Character::toLowerCase));
    r.function("upper", Signature.of(STRING, STRING), (ctx, a) -> mapCodePoints(a, Character::toUpperCase));
    r.function("split", Signature.of(Type.arrayOf(STRING), STRING, STRING), (ctx, a) -> strings(split(Operands.string(a, 0), Operands.string(a, 1))));
    r.function("strings.split_n", Signature.of(Type.arrayOf(STRING), STRING, STRING, NUMBER), StringBuiltins::splitN);
    r.function("replace", Signature.of(STRING, STRING, STRING, STRING), (ctx, a) -> {
      String s = Operands.string(a, 0);
      String old = Operands.string(a, 1);
      String replacement = Operands.string(a, 2);
      // One non-empty pattern is a plain left-to-right, non-overlapping replacement.
      String out = old.isEmpty()
          ? new GoReplacer(new String[] {old}, new String[] {replacement}).replace(s)
          : s.replace(old, replacement);
      return out.equals(s) ? a[0] : StringValue.of(out);
    });
    r.function("strings.replace_n", Signature.of(STRING, Type.objectOf(STRING, STRING), STRING), StringBuiltins::replaceN);
    r.function("substring", Signature.of(STRING, STRING, NUMBER, NUMBER), StringBuiltins::substring);
    trim(r, strStr, "trim", (s, cut) -> GoStrings.trimRight(GoStrings.trimLeft(s, cut), cut));
    trim(r, strStr, "trim_left", GoStrings::trimLeft);
    trim(r, strStr, "trim_right", GoStrings::trimRight);
    trim(r, strStr, "trim_prefix", (s, p) -> s.startsWith(p) ? s.substring(p.length()) : s);
    trim(r, strStr, "trim_suffix", (s, p) -> s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
    r.function("trim_space", Signature.of(STRING, STRING), (ctx, a) -> {
      String s = Operands.string(a, 0);
      String t = GoStrings.trimSpace(s);
      return t.length() == s.length() ? a[0] : StringValue.of(t);
    });
    r.function("sprintf", Signature.of(STRING, STRING, Type.arrayOf(ANY)), StringBuiltins::sprintf);
    r.function("strings.any_prefix_match", Signature.of(BOOLEAN, strings, strings), (ctx, a) -> anyPrefixMatch(a, false));
    r.function("strings.any_suffix_match", Signature.of(BOOLEAN, strings, strings), (ctx, a) -> anyPrefixMatch(a, true));
    r.function("strings.reverse", Signature.of(STRING, STRING), (ctx, a) ->
        StringValue.of(new StringBuilder(Operands.string(a, 0)).reverse().toString()));
    r.function("strings.render_template", Signature.of(STRING, STRING, Type.objectOf(STRING, ANY)), (ctx, a) ->
        StringValue.of(GoTemplate.render(Operands.string(a, 0), Operands.object(a, 1))));
  }

  private static void trim(BuiltinRegistry r, Signature sig, String name, BinaryOperator<String> op) {
    r.function(name, sig, (ctx, a) -> {
      String s = Operands.string(a, 0);
      String t = op.apply(s, Operands.string(a, 1));
      return t.length() == s.length() ? a[0] : StringValue.of(t);
    });
  }

  private static ArrayValue strings(List<String> parts) {
    Value[] out = new Value[parts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = StringValue.of(parts.get(i));
    }
    return ArrayValue.wrap(out);
  }

  private static Value concat(BuiltinContext ctx, Value[] a) {
    String sep = Operands.string(a, 0);
    if (!(a[1] instanceof ArrayValue) && !(a[1] instanceof SetValue)) {
      throw BuiltinException.operandType(2, "one of {set, array}", a[1]);
    }
    return StringValue.of(String.join(sep, Args.strings(a[1], 2)));
  }

  /** Go's {@code strings.Count}: non-overlapping; an empty needle counts code points plus one. */
  static int count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.codePointCount(0, s.length()) + 1;
    }
    int n = 0;
    for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
      n++;
    }
    return n;
  }

  private static String search(Value[] a) {
    String search = Operands.string(a, 1);
    if (search.isEmpty()) {
      throw Args.error("empty search character");
    }
    return search;
  }

  private static Value formatInt(BuiltinContext ctx, Value[] a) {
    NumberValue n = Operands.number(a, 0);
    NumberValue base = Operands.number(a, 1);
    int radix = base.isLong() ? (int) base.longValue() : 0;
    if (radix != 2 && radix != 8 && radix != 10 && radix != 16) {
      throw Args.operandError(2, "must be one of {2, 8, 10, 16}");
    }
    // Truncated toward zero, through big.Float as OPA does for non-integers.
    BigInteger i = n.isInteger() ? Args.exact(n) : GoFloat.of(n).truncate();
    return StringValue.of(i.toString(radix));
  }

  private static Value mapCodePoints(Value[] a, UnaryOperator<Integer> map) {
    String s = Operands.string(a, 0);
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int m = map.apply(c);
      if (m != c && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.appendCodePoint(m);
      }
      i += Character.charCount(c);
    }
    return b == null ? a[0] : StringValue.of(b.toString());
  }

  /** Go's {@code strings.Split}: an empty separator splits into code points. */
  static List<String> split(String s, String sep) {
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    int from = 0;
    for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, from)) {
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  /** The first n parts, or with a negative n the last -n parts; parts beyond are dropped. */
  private static Value splitN(BuiltinContext ctx, Value[] a) {
    String s = Operands.string(a, 0);
    String sep = Operands.string(a, 1);
    long n = Args.longOperand(a, 2);
    List<String> parts = split(s, sep);
    int size = parts.size();
    if (n >= 0) {
      return strings(parts.subList(0, (int) Math.min(n, size)));
    }
    return strings(parts.subList((int) Math.max(0, size + n), size));
  }

  private static Value replaceN(BuiltinContext ctx, Value[] a) {
    ObjectValue patterns = Operands.object(a, 0);
    String s = Operands.string(a, 1);
    String[] olds = new String[patterns.size()];
    String[] news = new String[patterns.size()];
    // Keys in sorted order: where several match at one position, the first in order wins.
    for (int i = 0; i < patterns.size(); i++) {
      if (!(patterns.key(i) instanceof StringValue k)) {
        throw Args.operandError(1, "non-string key found in pattern object");
      }
      if (!(patterns.value(i) instanceof StringValue v)) {
        throw Args.operandError(1, "non-string value found in pattern object");
      }
      olds[i] = k.value();
      news[i] = v.value();
    }
    return StringValue.of(new GoReplacer(olds, news).replace(s));
  }

  private static Value substring(BuiltinContext ctx, Value[] a) {
    String s = Operands.string(a, 0);
    long start = Args.longOperand(a, 1);
    long length = Args.longOperand(a, 2);
    if (start < 0) {
      throw Args.error("negative offset");
    }
    int runes = s.codePointCount(0, s.length());
    if (start >= runes) {
      return StringValue.EMPTY;
    }
    int from = s.offsetByCodePoints(0, (int) start);
    if (length < 0 || start + length >= runes) {
      return from == 0 ? a[0] : StringValue.of(s.substring(from));
    }
    return StringValue.of(s.substring(from, s.offsetByCodePoints(from, (int) length)));
  }

  private static Value anyPrefixMatch(Value[] a, boolean suffix) {
    String[] subjects = stringsOperand(a[0], 1);
    String[] affixes = stringsOperand(a[1], 2);
    for (String s : subjects) {
      for (String p : affixes) {
        if (suffix ? s.endsWith(p) : s.startsWith(p)) {
          return BooleanValue.TRUE;
        }
      }
    }
    return BooleanValue.FALSE;
  }

  private static String[] stringsOperand(Value v, int operand) {
    return switch (v) {
      case StringValue s -> new String[] {s.value()};
      case ArrayValue arr -> Args.strings(arr, operand);
      case SetValue set -> Args.strings(set, operand);
      default -> throw BuiltinException.operandType(operand, "one of {string, set, array}", v);
    };
  }

  private static Value sprintf(BuiltinContext ctx, Value[] a) {
    String format = Operands.string(a, 0);
    ArrayValue values = Operands.array(a, 1);
    List<Object> args = new ArrayList<>(values.size());
    for (Value v : values.asList()) {
      args.add(goValue(v));
    }
    return StringValue.of(GoFormat.sprintf(format, args));
  }

  /** The Go value OPA hands fmt: int, *big.Int, float64 or string (Rego text for the rest). */
  static Object goValue(Value v) {
    return switch (v) {
      case NumberValue n when n.isLong() -> n.longValue();
      // An integer beyond float64 can only have come from a literal such as 2e308, which OPA prints as written.
      case NumberValue n when n.isInteger() && Double.isInfinite(n.doubleValue()) -> goNumberText(n);
      case NumberValue n when n.isInteger() -> Args.exact(n);
      case NumberValue n -> {
        double d = n.doubleValue();
        yield Double.isInfinite(d) ? goNumberText(n) : (Object) d;
      }
      case StringValue s -> s.value();
      default -> v.toRego();
    };
  }

  /** A number beyond float64, as its literal would read: digits and a plain exponent. */
  private static String goNumberText(NumberValue n) {
    var d = n.bigDecimalValue().stripTrailingZeros();
    String digits = d.unscaledValue().abs().toString();
    long exp = (long) digits.length() - 1 - d.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (d.signum() < 0 ? "-" : "") + mantissa + "e" + exp;
  }
}
