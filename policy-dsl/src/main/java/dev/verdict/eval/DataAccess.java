package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.util.Map;

/**
 * Reads the data document: base data merged with the virtual documents of the rule tree, as
 * {@code with data.… as …} has changed them. Rule roots are evaluated on demand and cached.
 */
final class DataAccess {

  private DataAccess() {}

  /** The document at {@code data.path[0]…path[n-1]}, or null when undefined. */
  static Value get(Ev ev, Value[] path) {
    return get(ev, ev.program.root, ev.data, ev.overlay, path, 0);
  }

  /** The same, starting below the root at a known node whose base document is {@code base}. */
  static Value get(Ev ev, DocNode node, Value base, Overlay ov, Value[] path, int from) {
    for (int i = from; i < path.length; i++) {
      if (ov != null && ov.value() != null) {
        return Docs.walk(ov.value(), path, i, path.length);
      }
      if (node != null && node.rules != null) {
        return Docs.walk(nodeValue(ev, node, base, ov), path, i, path.length);
      }
      Value key = path[i];
      node = node == null ? null : node.children.get(key);
      base = Docs.baseChild(base, key);
      ov = ov == null ? null : ov.child(key);
      if (node == null && ov == null) {
        return Docs.baseWalk(base, path, i + 1);
      }
    }
    if (node != null) {
      return nodeValue(ev, node, base, ov);
    }
    return ov == null ? base : ov.applyTo(base);
  }

  /** The whole document at a node: its rules' value, or base data merged with its children. */
  static Value nodeValue(Ev ev, DocNode node, Value base, Overlay ov) {
    if (ov != null && ov.value() != null) {
      return ov.value();
    }
    if (ov == null && node.rules != null) {
      return node.rules.value(ev);
    }
    Object key = ov == null ? node : new OverlaidNode(node, ov);
    Object cached = ev.cache.get(key);
    if (cached != null) {
      return ev.cached(cached, node.name, Location.NONE);
    }
    ev.cache.put(key, Ev.IN_PROGRESS);
    Value v;
    try {
      v = compute(ev, node, base, ov);
    } catch (RuntimeException | StackOverflowError e) {
      ev.cache.remove(key);
      throw e;
    }
    ev.cache.put(key, v == null ? Ev.UNDEFINED : v);
    return v;
  }

  private static Value compute(Ev ev, DocNode node, Value base, Overlay ov) {
    Value v;
    if (node.rules != null) {
      v = node.rules.value(ev);
    } else {
      ObjectValue.Builder b = base instanceof ObjectValue o ? o.toBuilder() : ObjectValue.builder();
      for (Map.Entry<Value, DocNode> c : node.children.entrySet()) {
        if (c.getValue().function != null) {
          continue; // functions are not documents; their packages are (possibly empty) objects
        }
        Value k = c.getKey();
        Value cv = nodeValue(ev, c.getValue(), Docs.child(base, k), ov == null ? null : ov.child(k));
        if (cv != null) {
          b.put(k, cv);
        }
      }
      v = b.build();
    }
    return ov == null ? v : ov.applyTo(v);
  }

  /** Cache key of a node's value under an overlay (the cache is per {@code with} scope). */
  private record OverlaidNode(DocNode node, Overlay overlay) {}
}
