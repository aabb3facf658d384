package dev.verdict.eval;

import dev.verdict.value.Value;
import java.util.Arrays;

/**
 * A ref into {@code data} whose leading keys are known when planning, resolved once against the
 * virtual document tree: when those keys lead out of it into plain base data, or into one rule
 * root, a query reads that directly instead of walking the tree each time. Under a {@code with
 * data…} replacement every read takes the general path.
 */
public final class DataRef {

  private enum Kind {
    /** The keys leave the rule tree: base data only. */
    BASE,
    /** The keys reach a rule root after {@code depth} keys. */
    RULES,
    /** The keys end at a namespace (base data merged with rule documents). */
    MIXED
  }

  private final Value[] prefix;
  private final Kind kind;
  private final DocNode ruleRoot;
  private final int depth;

  private DataRef(Value[] prefix, Kind kind, DocNode ruleRoot, int depth) {
    this.prefix = prefix;
    this.kind = kind;
    this.ruleRoot = ruleRoot;
    this.depth = depth;
  }

  /** Resolves the ground keys {@code prefix} of {@code data.prefix…} from the tree's root. */
  static DataRef of(DocNode root, Value[] prefix) {
    DocNode node = root;
    for (int i = 0; i < prefix.length; i++) {
      if (node.definesRules) {
        return new DataRef(prefix, Kind.RULES, node, i);
      }
      node = node.children.get(prefix[i]);
      if (node == null) {
        return new DataRef(prefix, Kind.BASE, null, 0);
      }
    }
    return node.definesRules
        ? new DataRef(prefix, Kind.RULES, node, prefix.length)
        : new DataRef(prefix, Kind.MIXED, null, 0);
  }

  /** The document at the ground keys, or null when undefined. */
  Value get(Ev ev) {
    return direct(ev) ? atPrefix(ev) : DataAccess.get(ev, prefix);
  }

  /**
   * The document at the ground keys followed by {@code rest}, keys evaluated in order over
   * {@code f}; null when undefined.
   */
  Value get(Ev ev, Value[] f, ValueFn[] rest) {
    if (!direct(ev)) {
      Value[] path = Arrays.copyOf(prefix, prefix.length + rest.length);
      for (int i = 0; i < rest.length; i++) {
        if ((path[prefix.length + i] = rest[i].eval(ev, f)) == null) {
          return null;
        }
      }
      return DataAccess.get(ev, path);
    }
    Value v = atPrefix(ev);
    // Every key is evaluated, even below an undefined document, as the general path does.
    for (ValueFn k : rest) {
      Value key = k.eval(ev, f);
      if (key == null) {
        return null;
      }
      if (v != null) {
        v = kind == Kind.BASE ? Docs.baseChild(v, key) : Docs.child(v, key);
      }
    }
    return v;
  }

  private boolean direct(Ev ev) {
    return ev.overlay == null && (kind == Kind.BASE || kind == Kind.RULES && ruleRoot.rules != null);
  }

  private Value atPrefix(Ev ev) {
    return kind == Kind.BASE
        ? Docs.baseWalk(ev.data, prefix, 0)
        : Docs.walk(ruleRoot.rules.value(ev), prefix, depth, prefix.length);
  }
}
