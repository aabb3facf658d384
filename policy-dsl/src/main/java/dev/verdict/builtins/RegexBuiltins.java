package dev.verdict.builtins;

import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.NUMBER;
import static dev.verdict.types.Type.STRING;

import com.google.re2j.Pattern;
import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code regex.*} and the deprecated {@code re_match}, with RE2 syntax as OPA (Go) has it. */
final class RegexBuiltins {

  private RegexBuiltins() {}

  static void register(BuiltinRegistry r) {
    Signature match = Signature.of(BOOLEAN, STRING, STRING);
    r.function("regex.match", match, RegexBuiltins::match);
    r.deprecated("re_match", match, RegexBuiltins::match);
    r.function("regex.is_valid", Signature.of(BOOLEAN, STRING), (ctx, a) ->
        BooleanValue.of(a[0] instanceof StringValue s && GoRegex.compile(s.value()).pattern() != null));
    r.function("regex.find_n", Signature.of(Type.arrayOf(STRING), STRING, STRING, NUMBER), (ctx, a) -> {
      String regex = Operands.string(a, 0);
      String s = Operands.string(a, 1);
      int n = Args.intOperand(a, 2);
      List<Value> out = new ArrayList<>();
      for (int[] m : GoRegex.findAll(compiled(regex), s, n)) {
        out.add(StringValue.of(s.substring(m[0], m[1])));
      }
      return ArrayValue.of(out);
    });
    r.function("regex.find_all_string_submatch_n",
        Signature.of(Type.arrayOf(Type.arrayOf(STRING)), STRING, STRING, NUMBER), (ctx, a) -> {
          String regex = Operands.string(a, 0);
          String s = Operands.string(a, 1);
          int n = Args.intOperand(a, 2);
          List<Value> out = new ArrayList<>();
          for (int[] m : GoRegex.findAll(compiled(regex), s, n)) {
            Value[] groups = new Value[m.length / 2];
            for (int g = 0; g < groups.length; g++) {
              groups[g] = m[2 * g] < 0 ? StringValue.EMPTY : StringValue.of(s.substring(m[2 * g], m[2 * g + 1]));
            }
            out.add(ArrayValue.wrap(groups));
          }
          return ArrayValue.of(out);
        });
    r.function("regex.split", Signature.of(Type.arrayOf(STRING), STRING, STRING), (ctx, a) -> {
      String regex = Operands.string(a, 0);
      String s = Operands.string(a, 1);
      List<Value> out = new ArrayList<>();
      for (String part : GoRegex.split(compiled(regex), regex, s)) {
        out.add(StringValue.of(part));
      }
      return ArrayValue.of(out);
    });
    r.function("regex.replace", Signature.of(STRING, STRING, STRING, STRING), (ctx, a) -> {
      String s = Operands.string(a, 0);
      String regex = Operands.string(a, 1);
      String replacement = Operands.string(a, 2);
      String out = GoRegex.replaceAll(compiled(regex), s, replacement);
      return out.equals(s) ? a[0] : StringValue.of(out);
    });
    r.function("regex.template_match", Signature.of(BOOLEAN, STRING, STRING, STRING, STRING), (ctx, a) -> {
      String template = Operands.string(a, 0);
      String s = Operands.string(a, 1);
      String start = Operands.string(a, 2);
      String end = Operands.string(a, 3);
      // OPA measures the delimiters in bytes, and reports the start delimiter's length for both.
      int startLen = start.getBytes(StandardCharsets.UTF_8).length;
      if (startLen != 1) {
        throw Args.error("start delimiter has to be exactly one character long but is " + startLen + " long");
      }
      if (end.getBytes(StandardCharsets.UTF_8).length != 1) {
        throw Args.error("end delimiter has to be exactly one character long but is " + startLen + " long");
      }
      Pattern p = RegexTemplate.compile(template, start.charAt(0), end.charAt(0));
      return BooleanValue.of(p.matcher(s).find());
    });
    r.function("regex.globs_match", Signature.of(BOOLEAN, STRING, STRING), (ctx, a) ->
        BooleanValue.of(GlobIntersection.nonEmpty(Operands.string(a, 0), Operands.string(a, 1))));
  }

  private static Value match(BuiltinContext ctx, Value[] a) {
    String regex = Operands.string(a, 0);
    String s = Operands.string(a, 1);
    return BooleanValue.of(compiled(regex).matcher(s).find());
  }

  private static Pattern compiled(String regex) {
    return GoRegex.compile(regex).orThrow();
  }
}
