package dev.verdict.builtins;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON Patch over immutable values, as OPA applies it: objects by key, arrays by
 * index (or {@code -} to append), and, beyond the RFC, sets by member, where an added member
 * must equal the last path segment. Every failure is one {@link Failure}.
 */
final class JsonPatch {

  static final class Failure extends RuntimeException {
    Failure() {
      super(null, null, false, false);
    }
  }

  private JsonPatch() {}

  static Value apply(Value doc, ArrayValue ops) {
    for (Value op : ops.asList()) {
      if (!(op instanceof ObjectValue o)) {
        throw new Failure();
      }
      doc = applyOne(doc, o);
    }
    return doc;
  }

  private static Value applyOne(Value doc, ObjectValue op) {
    String name = op.get("op") instanceof StringValue s ? s.value() : null;
    if (name == null) {
      throw new Failure();
    }
    List<Value> path = path(op.get("path"));
    return switch (name) {
      case "add" -> add(doc, path, 0, required(op, "value"));
      case "remove" -> remove(doc, path, 0);
      case "replace" -> {
        Value value = required(op, "value");
        yield path.isEmpty() ? value : add(remove(doc, path, 0), path, 0, value);
      }
      case "move" -> {
        List<Value> from = path(op.get("from"));
        Value chunk = get(doc, from);
        yield add(remove(doc, from, 0), path, 0, chunk);
      }
      case "copy" -> add(doc, path, 0, get(doc, path(op.get("from"))));
      case "test" -> {
        Value value = required(op, "value");
        if (!get(doc, path).equals(value)) {
          throw new Failure();
        }
        yield doc;
      }
      default -> throw new Failure();
    };
  }

  private static Value required(ObjectValue op, String attr) {
    Value v = op.get(attr);
    if (v == null) {
      throw new Failure();
    }
    return v;
  }

  private static List<Value> path(Value p) {
    if (p == null || !(p instanceof StringValue) && !(p instanceof ArrayValue)) {
      throw new Failure();
    }
    return JsonPathBuiltins.parsePath(p);
  }

  private static Value get(Value doc, List<Value> path) {
    Value v = doc;
    for (Value seg : path) {
      v = switch (v) {
        case ObjectValue o -> o.get(seg);
        case ArrayValue a -> {
          int i = JsonPathBuiltins.arrayIndex(seg, a.size(), false);
          yield i < 0 ? null : a.get(i);
        }
        case SetValue s -> s.contains(seg) ? seg : null;
        default -> null;
      };
      if (v == null) {
        throw new Failure();
      }
    }
    return v;
  }

  private static Value add(Value doc, List<Value> path, int depth, Value value) {
    if (depth == path.size()) {
      return value;
    }
    Value seg = path.get(depth);
    boolean last = depth == path.size() - 1;
    switch (doc) {
      case ObjectValue o -> {
        Value child = o.get(seg);
        if (!last && child == null) {
          throw new Failure();
        }
        return o.toBuilder().put(seg, last ? value : add(child, path, depth + 1, value)).build();
      }
      case ArrayValue a -> {
        int i = JsonPathBuiltins.arrayIndex(seg, a.size(), last);
        if (i < 0) {
          throw new Failure();
        }
        List<Value> items = new ArrayList<>(a.asList());
        if (last) {
          items.add(i, value);
        } else {
          items.set(i, add(a.get(i), path, depth + 1, value));
        }
        return ArrayValue.of(items);
      }
      case SetValue s -> {
        List<Value> items = new ArrayList<>(s.asList());
        if (last) {
          if (!seg.equals(value)) {
            throw new Failure();
          }
          items.add(value);
        } else {
          if (!s.contains(seg)) {
            throw new Failure();
          }
          items.remove(seg);
          items.add(add(seg, path, depth + 1, value));
        }
        return SetValue.of(items);
      }
      default -> throw new Failure();
    }
  }

  private static Value remove(Value doc, List<Value> path, int depth) {
    if (path.isEmpty()) {
      throw new Failure();
    }
    Value seg = path.get(depth);
    boolean last = depth == path.size() - 1;
    switch (doc) {
      case ObjectValue o -> {
        Value child = o.get(seg);
        if (child == null) {
          throw new Failure();
        }
        ObjectValue.Builder b = o.toBuilder();
        return (last ? b.remove(seg) : b.put(seg, remove(child, path, depth + 1))).build();
      }
      case ArrayValue a -> {
        int i = JsonPathBuiltins.arrayIndex(seg, a.size(), false);
        if (i < 0) {
          throw new Failure();
        }
        List<Value> items = new ArrayList<>(a.asList());
        if (last) {
          items.remove(i);
        } else {
          items.set(i, remove(a.get(i), path, depth + 1));
        }
        return ArrayValue.of(items);
      }
      case SetValue s -> {
        if (!s.contains(seg)) {
          throw new Failure();
        }
        List<Value> items = new ArrayList<>(s.asList());
        items.remove(seg);
        if (!last) {
          items.add(remove(seg, path, depth + 1));
        }
        return SetValue.of(items);
      }
      default -> throw new Failure();
    }
  }
}
