package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.ANY_ARRAY;
import static dev.verdict.types.Type.ANY_OBJECT;
import static dev.verdict.types.Type.STRING;

import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code json.filter json.remove json.patch}. Paths are JSON pointers ({@code "a/b/0"}, with
 * {@code ~0} and {@code ~1} escapes and any leading slashes dropped) or arrays of segments.
 */
final class JsonPathBuiltins {

  private JsonPathBuiltins() {}

  static void register(BuiltinRegistry r) {
    Type path = Type.anyOf(STRING, ANY_ARRAY);
    Type paths = Type.anyOf(Type.arrayOf(path), Type.setOf(path));
    r.function("json.filter", Signature.of(ANY, ANY_OBJECT, paths), (ctx, a) -> {
      ObjectValue obj = Operands.object(a, 0);
      return filter(obj, pathTree(paths(a[1])));
    });
    r.function("json.remove", Signature.of(ANY, ANY_OBJECT, paths), (ctx, a) -> {
      Operands.object(a, 0);
      return remove(a[0], pathTree(paths(a[1])));
    });
    r.function("json.patch", Signature.of(ANY, ANY, Type.arrayOf(ANY_OBJECT)), (ctx, a) -> {
      ArrayValue ops = Operands.array(a, 1);
      try {
        return JsonPatch.apply(a[0], ops);
      } catch (JsonPatch.Failure e) {
        return null; // OPA answers undefined for any patch that does not apply
      }
    });
  }

  private static List<List<Value>> paths(Value operand) {
    if (!(operand instanceof ArrayValue) && !(operand instanceof SetValue)) {
      throw BuiltinException.operandType(2, "one of {set, array}", operand);
    }
    List<List<Value>> out = new ArrayList<>();
    for (Value p : Args.elements(operand)) {
      out.add(parsePath(p));
    }
    return out;
  }

  static List<Value> parsePath(Value p) {
    return switch (p) {
      case StringValue s -> pointer(s.value());
      case ArrayValue a -> a.asList();
      default -> throw Args.operandError(
          2, "must be one of {set, array} containing string paths or array of path segments but got " + p.typeName());
    };
  }

  private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");

  /** A slash-separated pointer; the empty string is the root. */
  static List<Value> pointer(String s) {
    if (s.isEmpty()) {
      return List.of();
    }
    List<Value> out = new ArrayList<>();
    for (String part : StringBuiltins.split(LEADING_SLASHES.matcher(s).replaceFirst(""), "/")) {
      out.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
    }
    return out;
  }

  /** Paths as a tree of objects whose leaves are null; a shorter path swallows longer ones. */
  private static ObjectValue pathTree(List<List<Value>> paths) {
    Node root = new Node();
    for (List<Value> path : paths) {
      if (path.isEmpty()) {
        continue;
      }
      Node node = root;
      boolean covered = false;
      for (int i = 0; i < path.size() - 1 && !covered; i++) {
        Object child = node.children.get(path.get(i));
        if (child == null) {
          Node n = new Node();
          node.children.put(path.get(i), n);
          node = n;
        } else if (child instanceof Node n) {
          node = n;
        } else {
          covered = true;
        }
      }
      if (!covered) {
        node.children.put(path.get(path.size() - 1), NullValue.NULL);
      }
    }
    return root.build();
  }

  private static final class Node {
    final java.util.LinkedHashMap<Value, Object> children = new java.util.LinkedHashMap<>();

    ObjectValue build() {
      ObjectValue.Builder b = ObjectValue.builder();
      children.forEach((k, v) -> b.put(k, v instanceof Node n ? n.build() : (Value) v));
      return b.build();
    }
  }

  /** OPA's {@code Object.Filter}: keep what the filter names; a null filter keeps everything below. */
  private static Value filter(Value v, Value f) {
    if (!(f instanceof ObjectValue filter)) {
      return v;
    }
    return switch (v) {
      case ArrayValue a -> {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
          Value sub = filter.get(StringValue.of(Integer.toString(i)));
          if (sub != null) {
            out.add(filter(a.get(i), sub));
          }
        }
        yield ArrayValue.of(out);
      }
      case SetValue s -> {
        List<Value> out = new ArrayList<>();
        for (Value e : s.asList()) {
          Value sub = filter.get(e);
          if (sub != null) {
            out.add(filter(e, sub));
          }
        }
        yield SetValue.of(out);
      }
      case ObjectValue o -> {
        ObjectValue.Builder b = ObjectValue.builder();
        for (int i = 0; i < o.size(); i++) {
          Value sub = filter.get(o.key(i));
          if (sub != null) {
            b.put(o.key(i), filter(o.value(i), sub));
          }
        }
        yield b.build();
      }
      default -> v;
    };
  }

  /** Drops what the tree's null leaves name; array indexes are matched as strings, as OPA does. */
  private static Value remove(Value v, Value tree) {
    if (!(tree instanceof ObjectValue t)) {
      return v;
    }
    return switch (v) {
      case ObjectValue o -> {
        ObjectValue.Builder b = ObjectValue.builder();
        for (int i = 0; i < o.size(); i++) {
          Value kept = removeChild(o.value(i), t.get(o.key(i)));
          if (kept != null) {
            b.put(o.key(i), kept);
          }
        }
        yield b.build();
      }
      case SetValue s -> {
        List<Value> out = new ArrayList<>();
        for (Value e : s.asList()) {
          Value kept = removeChild(e, t.get(e));
          if (kept != null) {
            out.add(kept);
          }
        }
        yield SetValue.of(out);
      }
      case ArrayValue a -> {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
          Value kept = removeChild(a.get(i), t.get(StringValue.of(Integer.toString(i))));
          if (kept != null) {
            out.add(kept);
          }
        }
        yield ArrayValue.of(out);
      }
      default -> v;
    };
  }

  private static Value removeChild(Value v, Value sub) {
    if (sub == null) {
      return v;
    }
    return sub instanceof NullValue ? null : remove(v, sub);
  }

  /** Index segments of arrays: a number, or digits without leading zeros. */
  static int arrayIndex(Value segment, int size, boolean allowEnd) {
    long i = -1;
    if (segment instanceof NumberValue n && n.isLong()) {
      i = n.longValue();
    } else if (segment instanceof StringValue s) {
      if (allowEnd && s.value().equals("-")) {
        return size;
      }
      if (s.value().matches("0|[1-9][0-9]{0,9}")) {
        i = Long.parseLong(s.value());
      }
    }
    if (i < 0 || i > (allowEnd ? size : size - 1)) {
      return -1;
    }
    return (int) i;
  }
}
