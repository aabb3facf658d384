package dev.verdict.service.store;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes inside immutable data documents, and applies JSON Patch the way OPA does (the
 * decision log's masking uses the same pointers and writes).
 */
public final class DataDocs {

  private DataDocs() {}

  /** The value at {@code keys}, or null. */
  public static Value get(Value doc, List<String> keys) {
    Value v = doc;
    for (String k : keys) {
      v = child(v, k);
      if (v == null) {
        return null;
      }
    }
    return v;
  }

  /** A copy of {@code doc} with {@code value} at {@code keys}; missing parent objects are created. */
  public static Value set(Value doc, List<String> keys, Value value) {
    if (keys.isEmpty()) {
      return value;
    }
    String k = keys.get(0);
    Value existing = doc == null ? null : child(doc, k);
    Value updated = set(existing == null ? ObjectValue.EMPTY : existing, keys.subList(1, keys.size()), value);
    return switch (doc) {
      case null -> ObjectValue.builder().put(k, updated).build();
      case ObjectValue o -> o.toBuilder().put(k, updated).build();
      case ArrayValue a when index(a, k, false) >= 0 -> replaceAt(a, index(a, k, false), updated);
      default -> throw new StoreException(StoreException.Kind.INVALID, "cannot write below " + k + ": parent is " + doc.typeName());
    };
  }

  /**
   * Applies JSON Patch operations ({@code add}, {@code remove}, {@code replace}; paths relative to
   * {@code doc}) in order, as OPA's PATCH /v1/data does.
   */
  static Value patch(Value doc, ArrayValue ops) {
    Value out = doc;
    for (Value op : ops.asList()) {
      if (!(op instanceof ObjectValue o) || !(o.get("op") instanceof StringValue name) || !(o.get("path") instanceof StringValue path)) {
        throw new StoreException(StoreException.Kind.INVALID, "a patch operation needs string op and path");
      }
      List<String> keys = pointer(path.value());
      Value value = o.get("value");
      out = switch (name.value()) {
        case "add" -> add(out, keys, require(value, name.value()));
        case "replace" -> {
          requireExists(out, keys, path.value());
          yield set(out, keys, require(value, name.value()));
        }
        case "remove" -> {
          requireExists(out, keys, path.value());
          yield remove(out, keys);
        }
        default -> throw new StoreException(StoreException.Kind.INVALID, "unsupported patch op '" + name.value() + "' (want add, remove or replace)");
      };
    }
    return out;
  }

  private static Value add(Value doc, List<String> keys, Value value) {
    if (keys.isEmpty()) {
      return value;
    }
    Value parent = get(doc, keys.subList(0, keys.size() - 1));
    String last = keys.get(keys.size() - 1);
    if (parent instanceof ArrayValue a) {
      int i = last.equals("-") ? a.size() : index(a, last, true);
      if (i < 0) {
        throw new StoreException(StoreException.Kind.INVALID, "array index out of range: " + last);
      }
      List<Value> items = new ArrayList<>(a.asList());
      items.add(i, value);
      return set(doc, keys.subList(0, keys.size() - 1), ArrayValue.of(items));
    }
    if (!(parent instanceof ObjectValue)) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, "patch target's parent does not exist: /" + String.join("/", keys));
    }
    return set(doc, keys, value);
  }

  /** A copy of {@code doc} without the value at {@code keys}, which must exist. */
  public static Value remove(Value doc, List<String> keys) {
    if (keys.isEmpty()) {
      return ObjectValue.EMPTY;
    }
    Value parent = get(doc, keys.subList(0, keys.size() - 1));
    String last = keys.get(keys.size() - 1);
    Value without = switch (parent) {
      case ObjectValue o -> o.toBuilder().remove(StringValue.of(last)).build();
      case ArrayValue a -> {
        List<Value> items = new ArrayList<>(a.asList());
        items.remove(index(a, last, false));
        yield ArrayValue.of(items);
      }
      default -> throw new StoreException(StoreException.Kind.NOT_FOUND, "no document at /" + String.join("/", keys));
    };
    return set(doc, keys.subList(0, keys.size() - 1), without);
  }

  private static void requireExists(Value doc, List<String> keys, String pointer) {
    if (get(doc, keys) == null) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, "no document at " + pointer);
    }
  }

  private static Value require(Value value, String op) {
    if (value == null) {
      throw new StoreException(StoreException.Kind.INVALID, "patch op '" + op + "' needs a value");
    }
    return value;
  }

  /** RFC 6901 pointer to keys: {@code /a~1b/c} is [a/b, c]. */
  public static List<String> pointer(String p) {
    if (p.isEmpty() || p.equals("/")) {
      return List.of();
    }
    if (!p.startsWith("/")) {
      throw new StoreException(StoreException.Kind.INVALID, "patch path must start with '/': " + p);
    }
    List<String> keys = new ArrayList<>();
    for (String part : p.substring(1).split("/", -1)) {
      keys.add(part.replace("~1", "/").replace("~0", "~"));
    }
    return keys;
  }

  private static Value child(Value v, String k) {
    return switch (v) {
      case ObjectValue o -> o.get(k);
      case ArrayValue a -> index(a, k, false) >= 0 ? a.get(index(a, k, false)) : null;
      default -> null;
    };
  }

  /** The index named by {@code k} in {@code a}, or -1; {@code end} allows one past the last. */
  private static int index(ArrayValue a, String k, boolean end) {
    if (!k.matches("0|[1-9][0-9]{0,8}")) {
      return -1;
    }
    int i = Integer.parseInt(k);
    return i < a.size() || (end && i == a.size()) ? i : -1;
  }

  private static ArrayValue replaceAt(ArrayValue a, int i, Value v) {
    Value[] items = a.toArray();
    items[i] = v;
    return ArrayValue.wrap(items);
  }
}
