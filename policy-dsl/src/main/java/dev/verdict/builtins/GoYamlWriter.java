package dev.verdict.builtins;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * go-yaml v2's block output, as {@code yaml.marshal} gives it: keys in go-yaml's natural order,
 * sequences under a key not indented, strings plain unless they would read back as something
 * else (then double-quoted) or clash with YAML indicators (then single-quoted), multi-line
 * strings as literal blocks, numbers as go-yaml prints the ints and float64s JSON gives it.
 */
final class GoYamlWriter {

  private GoYamlWriter() {}

  static String marshal(Value v) {
    StringBuilder out = new StringBuilder();
    if (isMultiline(v)) {
      literal(out, ((StringValue) v).value(), 2);
    } else {
      block(out, v, 0, false);
    }
    return out.toString();
  }

  private static boolean isMultiline(Value v) {
    return v instanceof StringValue s && s.value().indexOf('\n') >= 0;
  }

  private static boolean isNonEmptyCollection(Value v) {
    return v instanceof ObjectValue o && !o.isEmpty() || v instanceof ArrayValue a && !a.isEmpty()
        || v instanceof SetValue s && !s.isEmpty();
  }

  /** A mapping or sequence, each entry on its own line at {@code ind}; the first may continue a "- ". */
  private static void block(StringBuilder out, Value v, int ind, boolean inline) {
    switch (v) {
      case ObjectValue o when !o.isEmpty() -> {
        String[] keys = new String[o.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
          keys[i] = o.key(i) instanceof StringValue k ? k.value() : o.key(i).toRego();
          order.add(i);
        }
        order.sort((x, y) -> naturalLess(keys[x], keys[y]) ? -1 : naturalLess(keys[y], keys[x]) ? 1 : 0);
        boolean first = true;
        for (int i : order) {
          if (!(first && inline)) {
            out.append(" ".repeat(ind));
          }
          first = false;
          out.append(scalar(keys[i])).append(':');
          mapValue(out, o.value(i), ind);
        }
      }
      case ArrayValue a when !a.isEmpty() -> sequence(out, a.asList(), ind, inline);
      case SetValue s when !s.isEmpty() -> sequence(out, s.asList(), ind, inline);
      default -> out.append(scalar(v)).append('\n');
    }
  }

  private static void sequence(StringBuilder out, List<Value> items, int ind, boolean inline) {
    boolean first = true;
    for (Value item : items) {
      if (!(first && inline)) {
        out.append(" ".repeat(ind));
      }
      first = false;
      out.append("- ");
      if (isNonEmptyCollection(item)) {
        block(out, item, ind + 2, true);
      } else if (isMultiline(item)) {
        literal(out, ((StringValue) item).value(), ind + 2);
      } else {
        out.append(scalar(item)).append('\n');
      }
    }
  }

  private static void mapValue(StringBuilder out, Value val, int ind) {
    if (val instanceof ObjectValue o && !o.isEmpty()) {
      out.append('\n');
      block(out, val, ind + 2, false);
    } else if (isNonEmptyCollection(val)) {
      out.append('\n');
      block(out, val, ind, false); // go-yaml v2 does not indent a sequence under its key
    } else if (isMultiline(val)) {
      out.append(' ');
      literal(out, ((StringValue) val).value(), ind + 2);
    } else {
      out.append(' ').append(scalar(val)).append('\n');
    }
  }

  /** go-yaml's key order: digit runs compare by value ("a2" before "a10"). */
  private static boolean naturalLess(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    boolean digits = false;
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        digits = Character.isDigit(ar[i]);
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return digits ? al : bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }

  private static String scalar(Value v) {
    return switch (v) {
      case NullValue n -> "null";
      case BooleanValue b -> b.value() ? "true" : "false";
      case NumberValue n -> number(n);
      case StringValue s -> scalar(s.value());
      case ObjectValue o -> "{}";
      default -> "[]";
    };
  }

  /** As the number reaches go-yaml through JSON: an int when it is one, else a float64. */
  private static String number(NumberValue n) {
    if (n.isLong()) {
      return n.toString();
    }
    if (n.isInteger() && n.signum() > 0 && n.bigDecimalValue().precision() - n.bigDecimalValue().scale() <= 20) {
      BigInteger i = n.bigIntegerValue();
      if (i.bitLength() == 64) {
        return i.toString(); // a uint64
      }
    }
    double d = n.doubleValue();
    if (Double.isInfinite(d)) {
      return n.toString();
    }
    return GoStrconv.formatFloat(d, 'g', -1);
  }

  /** A string in the plainest style that reads back as the same string. */
  private static String scalar(String s) {
    // Quoted when a plain scalar would read back as something else (a number, bool, null, timestamp...).
    if (!(GoYamlScalars.resolve(s) instanceof StringValue read && read.value().equals(s)) || s.equals("<<") || hasSpecial(s)) {
      return doubleQuoted(s);
    }
    return plainAllowed(s) ? s : "'" + s.replace("'", "''") + "'";
  }

  private static boolean plainAllowed(String s) {
    if (s.isEmpty() || s.startsWith("---") || s.startsWith("...")) {
      return false;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    if (first == ' ' || last == ' ' || "#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
      return false;
    }
    if ("?:-".indexOf(first) >= 0 && (s.length() == 1 || s.charAt(1) == ' ')) {
      return false;
    }
    if (last == ':') {
      return false;
    }
    return !s.contains(": ") && !s.contains(" #");
  }

  private static boolean hasSpecial(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c != '\n' && !(c == 0x85 || c >= 0x20 && c != 0x7F && GoStrconv.isPrint(c) || c >= 0xA0 && c <= 0xD7FF)) {
        return true;
      }
    }
    return false;
  }

  private static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case 0 -> b.append("\\0");
        case 0x07 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case 0x0B -> b.append("\\v");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        case 0x1B -> b.append("\\e");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case 0x85 -> b.append("\\N");
        case 0xA0 -> b.append("\\_");
        case 0x2028 -> b.append("\\L");
        case 0x2029 -> b.append("\\P");
        default -> {
          if (c >= 0x20 && c != 0x7F && GoStrconv.isPrint(c)) {
            b.appendCodePoint(c);
          } else if (c <= 0xFF) {
            b.append(String.format("\\x%02X", c));
          } else if (c <= 0xFFFF) {
            b.append(String.format("\\u%04X", c));
          } else {
            b.append(String.format("\\U%08X", c));
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A literal block: {@code |-}, {@code |} or {@code |+} by trailing newlines, lines at {@code ind}. */
  private static void literal(StringBuilder out, String s, int ind) {
    int trailing = 0;
    while (trailing < s.length() && s.charAt(s.length() - 1 - trailing) == '\n') {
      trailing++;
    }
    out.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+").append('\n');
    String body = s.substring(0, s.length() - trailing);
    Iterator<String> lines = List.of(body.split("\n", -1)).iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      if (!line.isEmpty()) {
        out.append(" ".repeat(ind)).append(line);
      }
      out.append('\n');
    }
    for (int k = 1; k < trailing; k++) {
      out.append('\n');
    }
  }
}
