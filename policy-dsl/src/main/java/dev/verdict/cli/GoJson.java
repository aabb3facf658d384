package dev.verdict.cli;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.GoText;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Writes JSON byte for byte as Go's {@code encoding/json} does, because opa's output is Go's:
 * {@code json.Marshal} (compact) and {@code Encoder.SetIndent("", "  ")} / {@code MarshalIndent}
 * (indented, {@code []} and {@code {}} when empty), HTML-safe escaping of {@code < > &}, object
 * keys of Rego values sorted by code point after turning non-string keys into their JSON text.
 *
 * <p>Nodes are {@code null}, {@link Boolean}, {@link Long}/{@link Integer}, {@link String},
 * {@link Value}, {@link Map} with string keys (written in the map's own order, as Go writes struct
 * fields) and {@link List}.
 */
final class GoJson {

  /** Go sorts map keys bytewise on UTF-8, which is code-point order. */
  static final Comparator<String> KEY_ORDER = (a, b) -> StringValue.of(a).compareTo(StringValue.of(b));

  private static final String INDENT = "  ";

  private GoJson() {}

  static String compact(Object node) {
    StringBuilder sb = new StringBuilder();
    write(sb, node, -1);
    return sb.toString();
  }

  /** Indented, without the newline {@code Encoder.Encode} and {@code Println} add. */
  static String indented(Object node) {
    StringBuilder sb = new StringBuilder();
    write(sb, node, 0);
    return sb.toString();
  }

  /** depth &lt; 0 writes compactly. */
  private static void write(StringBuilder sb, Object node, int depth) {
    switch (node) {
      case null -> sb.append("null");
      case Boolean b -> sb.append(b);
      case Long n -> sb.append(n);
      case Integer n -> sb.append(n);
      case String s -> GoText.quote(sb, s);
      case Value v -> value(sb, v, depth);
      case Map<?, ?> m -> {
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        m.forEach((k, v) -> entries.add(Map.entry((String) k, v == null ? NullMarker.NULL : v)));
        object(sb, entries, depth);
      }
      case List<?> l -> array(sb, l, depth);
      case NullMarker n -> sb.append("null");
      default -> throw new IllegalArgumentException("not a JSON node: " + node.getClass());
    }
  }

  /** Map.entry rejects null values; this stands in for them. */
  private enum NullMarker {
    NULL
  }

  private static void value(StringBuilder sb, Value v, int depth) {
    switch (v) {
      case NullValue n -> sb.append("null");
      case BooleanValue b -> sb.append(b.value());
      case NumberValue n -> sb.append(n.isLong() ? Long.toString(n.longValue()) : n.toString());
      case StringValue s -> GoText.quote(sb, s.value());
      case ArrayValue a -> {
        List<Object> items = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
          items.add(a.get(i));
        }
        array(sb, items, depth);
      }
      case SetValue s -> array(sb, new ArrayList<Object>(s.asList()), depth);
      case ObjectValue o -> {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(o.size());
        for (int i = 0; i < o.size(); i++) {
          Value k = o.key(i);
          String key = k instanceof StringValue s ? s.value() : compact(k);
          entries.add(Map.entry(key, o.value(i)));
        }
        entries.sort(Map.Entry.comparingByKey(KEY_ORDER));
        object(sb, entries, depth);
      }
    }
  }

  private static void object(StringBuilder sb, List<Map.Entry<String, Object>> entries, int depth) {
    container(sb, '{', '}', entries.size(), depth, i -> {
      GoText.quote(sb, entries.get(i).getKey());
      sb.append(depth < 0 ? ":" : ": ");
      write(sb, entries.get(i).getValue(), depth < 0 ? -1 : depth + 1);
    });
  }

  private static void array(StringBuilder sb, List<?> items, int depth) {
    container(sb, '[', ']', items.size(), depth, i -> write(sb, items.get(i), depth < 0 ? -1 : depth + 1));
  }

  /** Brackets around n comma-separated items, each on its own line when indenting; {@code []} when empty. */
  private static void container(StringBuilder sb, char open, char close, int n, int depth, IntConsumer item) {
    sb.append(open);
    if (n == 0) {
      sb.append(close);
      return;
    }
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      newline(sb, depth < 0 ? -1 : depth + 1);
      item.accept(i);
    }
    newline(sb, depth);
    sb.append(close);
  }

  /** A line break and indentation; nothing when writing compactly (depth &lt; 0). */
  private static void newline(StringBuilder sb, int depth) {
    if (depth >= 0) {
      sb.append('\n').append(INDENT.repeat(depth));
    }
  }
}
