package dev.verdict.tree;

import dev.verdict.value.BooleanValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over the conditions that a rule set's bodies place on indexed refs. Each level tests one
 * ref: rules requiring a value sit under that value, rules requiring a glob under the pattern,
 * rules requiring the ref to be truthy under "defined", and rules with no condition on the ref
 * under "any". A lookup follows every branch the current values allow and returns the candidate
 * rules, so only their bodies run: the cost depends on the number of refs tested and of matching
 * rules, not on the number of rules.
 */
public final class DecisionTree {

  private final List<IndexedRef> refs;
  private final Node root;
  private final int ruleCount;
  private final int[] unindexed;

  private DecisionTree(List<IndexedRef> refs, Node root, int ruleCount, int[] unindexed) {
    this.refs = refs;
    this.root = root;
    this.ruleCount = ruleCount;
    this.unindexed = unindexed;
  }

  /**
   * Builds the tree for rules given by their conditions (index = rule position).
   *
   * @param conditions per rule, its conditions by ref; null for a rule that must always run
   */
  public static DecisionTree build(List<Map<IndexedRef, Condition>> conditions) {
    Map<IndexedRef, Integer> uses = new LinkedHashMap<>();
    for (Map<IndexedRef, Condition> c : conditions) {
      if (c != null) {
        c.keySet().forEach(r -> uses.merge(r, 1, Integer::sum));
      }
    }
    List<IndexedRef> refs = new ArrayList<>(uses.keySet());
    // Most constrained refs first: they split the rule set the most near the root.
    refs.sort(Comparator.comparingInt((IndexedRef r) -> -uses.get(r)));
    Map<IndexedRef, Integer> levels = new HashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      levels.put(refs.get(i), i);
    }
    // Each rule's conditions by level, looked up once here rather than at every level of the trie.
    RuleConditions[] byRule = new RuleConditions[conditions.size()];
    IntList unindexed = new IntList();
    for (int i = 0; i < byRule.length; i++) {
      Map<IndexedRef, Condition> c = conditions.get(i);
      if (c == null || c.isEmpty()) {
        unindexed.add(i);
      } else {
        byRule[i] = RuleConditions.of(c, levels);
      }
    }
    int[] all = new int[byRule.length];
    Arrays.setAll(all, i -> i);
    Node root = node(refs.size(), 0, all, byRule);
    return new DecisionTree(List.copyOf(refs), root, conditions.size(), unindexed.toArray());
  }

  private static Node node(int levels, int level, int[] rules, RuleConditions[] byRule) {
    if (level == levels || rules.length == 0) {
      return new Node(rules);
    }
    Map<Value, IntList> eq = new LinkedHashMap<>();
    Map<Condition.Glob, IntList> globs = new LinkedHashMap<>();
    IntList truthy = new IntList();
    IntList any = new IntList();
    for (int r : rules) {
      Condition c = byRule[r] == null ? null : byRule[r].at(level);
      switch (c) {
        case Condition.Equals e -> eq.computeIfAbsent(e.value(), k -> new IntList()).add(r);
        case Condition.OneOf o -> o.values().asList().forEach(v -> eq.computeIfAbsent(v, k -> new IntList()).add(r));
        case Condition.Glob g -> globs.computeIfAbsent(g, k -> new IntList()).add(r);
        case Condition.Truthy t -> truthy.add(r);
        case null -> any.add(r);
      }
    }
    Map<Value, Node> eqNodes = new HashMap<>();
    eq.forEach((v, rs) -> eqNodes.put(v, node(levels, level + 1, rs.toArray(), byRule)));
    Map<Condition.Glob, Node> globNodes = new LinkedHashMap<>();
    globs.forEach((g, rs) -> globNodes.put(g, node(levels, level + 1, rs.toArray(), byRule)));
    return new Node(
        level,
        eqNodes,
        globNodes,
        truthy.isEmpty() ? null : node(levels, level + 1, truthy.toArray(), byRule),
        any.isEmpty() ? null : node(levels, level + 1, any.toArray(), byRule));
  }

  /** One rule's conditions with the trie level of each ref; a rule has a few, so a scan finds one. */
  private record RuleConditions(int[] levels, Condition[] conditions) {
    static RuleConditions of(Map<IndexedRef, Condition> byRef, Map<IndexedRef, Integer> levelOf) {
      int[] levels = new int[byRef.size()];
      Condition[] conditions = new Condition[levels.length];
      int i = 0;
      for (Map.Entry<IndexedRef, Condition> e : byRef.entrySet()) {
        levels[i] = levelOf.get(e.getKey());
        conditions[i++] = e.getValue();
      }
      return new RuleConditions(levels, conditions);
    }

    Condition at(int level) {
      for (int i = 0; i < levels.length; i++) {
        if (levels[i] == level) {
          return conditions[i];
        }
      }
      return null;
    }
  }

  /** A growable list of rule positions, without boxing: trees over 100,000 rules build many. */
  private static final class IntList {
    private int[] items = new int[4];
    private int size;

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }

    boolean isEmpty() {
      return size == 0;
    }

    int[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }

  /** The candidate rules for the current ref values, in rule order. */
  public int[] candidates(RefValues values, GlobMatcher globs) {
    if (refs.isEmpty()) {
      return root.rules;
    }
    Collector out = new Collector(ruleCount);
    Value[] current = new Value[refs.size()];
    boolean[] read = new boolean[refs.size()];
    collect(root, values, globs, current, read, out);
    return out.sorted();
  }

  private void collect(Node n, RefValues values, GlobMatcher globs, Value[] current, boolean[] read, Collector out) {
    if (n.rules != null) {
      out.add(n.rules);
      return;
    }
    if (n.any != null) {
      collect(n.any, values, globs, current, read, out);
    }
    int level = n.level;
    if (!read[level]) {
      current[level] = values.get(level);
      read[level] = true;
    }
    Value v = current[level];
    if (v == null) {
      return;
    }
    Node eq = n.eq.get(v);
    if (eq != null) {
      collect(eq, values, globs, current, read, out);
    }
    if (n.truthy != null && v != BooleanValue.FALSE) {
      collect(n.truthy, values, globs, current, read, out);
    }
    if (!n.globs.isEmpty() && v instanceof StringValue s) {
      for (Map.Entry<Condition.Glob, Node> g : n.globs.entrySet()) {
        if (globs.matches(g.getKey().pattern(), g.getKey().delimiters(), s.value())) {
          collect(g.getValue(), values, globs, current, read, out);
        }
      }
    }
  }

  public List<IndexedRef> refs() {
    return refs;
  }

  public int ruleCount() {
    return ruleCount;
  }

  /** Rules with no indexable condition: they run on every lookup. */
  public int[] unindexed() {
    return unindexed.clone();
  }

  Node root() {
    return root;
  }

  /** A trie node: either a leaf holding rule positions, or a test of the ref at {@code level}. */
  static final class Node {
    final int level;
    final int[] rules;
    final Map<Value, Node> eq;
    final Map<Condition.Glob, Node> globs;
    final Node truthy;
    final Node any;

    Node(int[] rules) {
      this.level = -1;
      this.rules = rules;
      this.eq = Map.of();
      this.globs = Map.of();
      this.truthy = null;
      this.any = null;
    }

    Node(int level, Map<Value, Node> eq, Map<Condition.Glob, Node> globs, Node truthy, Node any) {
      this.level = level;
      this.rules = null;
      this.eq = eq;
      this.globs = globs;
      this.truthy = truthy;
      this.any = any;
    }
  }

  /** Gathers rule positions from several leaves; a rule under two branches is listed once. */
  private static final class Collector {
    private int[] items = new int[8];
    private int size;
    private final int max;

    Collector(int max) {
      this.max = max;
    }

    void add(int[] rules) {
      if (size + rules.length > items.length) {
        items = Arrays.copyOf(items, Math.max(items.length * 2, size + rules.length));
      }
      System.arraycopy(rules, 0, items, size, rules.length);
      size += rules.length;
    }

    int[] sorted() {
      int[] out = Arrays.copyOf(items, size);
      Arrays.sort(out);
      int n = 0;
      for (int i = 0; i < out.length; i++) {
        if (n == 0 || out[n - 1] != out[i]) {
          out[n++] = out[i];
        }
      }
      return n == out.length ? out : Arrays.copyOf(out, Math.min(n, max));
    }
  }
}
