package dev.verdict.load;

import dev.verdict.value.GoText;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the base data document from data files, each placed at the path of its directory
 * ({@code a/b/data.json} under a root becomes {@code data.a.b}), merging objects as opa does.
 * Two files giving a value to the same path is an error naming both files.
 */
public final class DataTree {

  /** A file's document and where it went, kept to name the first file when a later one conflicts. */
  private record Placed(String file, List<String> path, Value doc) {}

  /** Inner nodes are mutable maps; leaves are values (including objects nobody merged into). */
  private final Map<String, Object> root = new LinkedHashMap<>();

  private final List<Placed> placed = new ArrayList<>();

  /** Adds {@code doc} at {@code path}; at the root it must be an object. */
  public void add(String file, List<String> path, Value doc) throws LoadException {
    if (path.isEmpty()) {
      if (!(doc instanceof ObjectValue o)) {
        throw new LoadException(LoadError.of(file + ": data at the root must be an object, not " + doc.typeName()));
      }
      mergeObject(root, o, file, List.of());
    } else {
      Map<String, Object> parent = root;
      List<String> walked = new ArrayList<>();
      for (String key : path.subList(0, path.size() - 1)) {
        walked.add(key);
        Object next = parent.get(key);
        Map<String, Object> node = next == null ? new LinkedHashMap<>() : next instanceof Map ? asMap(next) : expand(next);
        if (node == null) {
          throw conflict(file, walked);
        }
        parent.put(key, node);
        parent = node;
      }
      mergeInto(parent, path.get(path.size() - 1), doc, file, walked);
    }
    placed.add(new Placed(file, List.copyOf(path), doc));
  }

  private void mergeInto(Map<String, Object> parent, String key, Value doc, String file, List<String> parentPath)
      throws LoadException {
    List<String> here = new ArrayList<>(parentPath);
    here.add(key);
    Object existing = parent.get(key);
    if (existing == null) {
      parent.put(key, doc);
      return;
    }
    Map<String, Object> target = existing instanceof Map ? asMap(existing) : expand(existing);
    if (target == null || !(doc instanceof ObjectValue o)) {
      throw conflict(file, here);
    }
    parent.put(key, target);
    mergeObject(target, o, file, here);
  }

  private void mergeObject(Map<String, Object> target, ObjectValue o, String file, List<String> at) throws LoadException {
    for (int i = 0; i < o.size(); i++) {
      String key = ((StringValue) o.key(i)).value();
      mergeInto(target, key, o.value(i), file, at);
    }
  }

  /** An object value turned into a mutable node so another file can merge into it; null for other values. */
  private static Map<String, Object> expand(Object leaf) {
    if (!(leaf instanceof ObjectValue o)) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < o.size(); i++) {
      m.put(((StringValue) o.key(i)).value(), o.value(i));
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object node) {
    return (Map<String, Object>) node;
  }

  private LoadException conflict(String file, List<String> path) {
    String where = "data" + GoText.refPath(path);
    for (Placed p : placed) {
      if (defines(p, path)) {
        return new LoadException(LoadError.of(file + ": merge error: " + where + " is also defined by " + p.file()));
      }
    }
    return new LoadException(LoadError.of(file + ": merge error: " + where + " is already defined"));
  }

  /** Whether the placed document gives a value at {@code path} (or below it). */
  private static boolean defines(Placed p, List<String> path) {
    int common = Math.min(p.path().size(), path.size());
    if (!p.path().subList(0, common).equals(path.subList(0, common))) {
      return false;
    }
    Value v = p.doc();
    for (String key : path.subList(common, path.size())) {
      if (!(v instanceof ObjectValue o) || (v = o.get(key)) == null) {
        return false;
      }
    }
    return true;
  }

  public Value build() {
    return toValue(root);
  }

  private static Value toValue(Map<String, Object> node) {
    ObjectValue.Builder b = ObjectValue.builder();
    node.forEach((k, v) -> b.put(k, v instanceof Map ? toValue(asMap(v)) : (Value) v));
    return b.build();
  }
}
