package dev.verdict.builtins;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.Arrays;
import java.util.List;

/**
 * JSON as Go's {@code encoding/json} writes OPA's values: keys sorted by their bytes, sets as
 * arrays, non-string keys as their Rego text, numbers as they are held, and Go's escaping
 * ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \\u} escapes, backspace and
 * form feed as {@code \\b} and {@code \\f}). {@code marshalIndent} is {@code json.MarshalIndent}.
 */
final class GoJsonWriter {

  private GoJsonWriter() {}

  static String marshal(Value v) {
    StringBuilder b = new StringBuilder();
    write(b, v, null, null, 0);
    return b.toString();
  }

  /** Go's {@code MarshalIndent}: each line after the first starts with the prefix. */
  static String marshalIndent(Value v, String prefix, String indent) {
    StringBuilder b = new StringBuilder();
    write(b, v, prefix, indent, 0);
    return b.toString();
  }

  private static void newline(StringBuilder b, String prefix, String indent, int depth) {
    b.append('\n').append(prefix);
    for (int i = 0; i < depth; i++) {
      b.append(indent);
    }
  }

  private static void write(StringBuilder b, Value v, String prefix, String indent, int depth) {
    switch (v) {
      case NullValue n -> b.append("null");
      case BooleanValue x -> b.append(x.value());
      case NumberValue n -> b.append(n);
      case StringValue s -> quote(b, s.value());
      case ArrayValue a -> list(b, a.asList(), prefix, indent, depth);
      case SetValue s -> list(b, s.asList(), prefix, indent, depth);
      case ObjectValue o -> {
        if (o.isEmpty()) {
          b.append("{}");
          return;
        }
        String[] keys = new String[o.size()];
        Integer[] order = new Integer[o.size()];
        for (int i = 0; i < keys.length; i++) {
          keys[i] = o.key(i) instanceof StringValue s ? s.value() : o.key(i).toRego();
          order[i] = i;
        }
        // Go sorts map keys by their UTF-8 bytes, which is code point order.
        Arrays.sort(order, (x, y) -> compareCodePoints(keys[x], keys[y]));
        b.append('{');
        for (int k = 0; k < order.length; k++) {
          if (k > 0) {
            b.append(',');
          }
          if (indent != null) {
            newline(b, prefix, indent, depth + 1);
          }
          quote(b, keys[order[k]]);
          b.append(indent != null ? ": " : ":");
          write(b, o.value(order[k]), prefix, indent, depth + 1);
        }
        if (indent != null) {
          newline(b, prefix, indent, depth);
        }
        b.append('}');
      }
    }
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static void list(StringBuilder b, List<Value> items, String prefix, String indent, int depth) {
    if (items.isEmpty()) {
      b.append("[]");
      return;
    }
    b.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      if (indent != null) {
        newline(b, prefix, indent, depth + 1);
      }
      write(b, items.get(i), prefix, indent, depth + 1);
    }
    if (indent != null) {
      newline(b, prefix, indent, depth);
    }
    b.append(']');
  }

  private static final String HEX = "0123456789abcdef";

  static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> b.append("\\u").append(String.format("%04x", (int) c));
        default -> {
          if (c < 0x20) {
            b.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
          } else if (Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
            b.append("\\ufffd");
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
