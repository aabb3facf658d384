package dev.verdict.compiler;

import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The virtual part of the data document: one node per path segment, from packages down to the
 * ground prefix of each rule's head ref. A node holds the rules defined exactly at its path
 * (rules whose head ref continues with vars hang at their ground prefix) and the functions
 * named by its path.
 */
public final class RuleTree {

  private final Node root = new Node(List.of());

  public Node root() {
    return root;
  }

  /** The node at {@code path}, created with its ancestors when missing. */
  Node ensure(List<Value> path) {
    Node n = root;
    for (Value key : path) {
      Node parent = n;
      n = parent.children.computeIfAbsent(key, k -> new Node(appended(parent.path, k)));
    }
    return n;
  }

  private static List<Value> appended(List<Value> path, Value key) {
    List<Value> out = new ArrayList<>(path);
    out.add(key);
    return List.copyOf(out);
  }

  /** The node at {@code path}, or null. */
  public Node find(List<Value> path) {
    Node n = root;
    for (Value key : path) {
      n = n.children.get(key);
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  /** True for a data path that holds only base documents: its value is fixed during a query. */
  public boolean isBaseOnly(List<Value> path) {
    Node n = root;
    for (Value k : path) {
      if (!n.rules().isEmpty()) {
        return false;
      }
      n = n.children().get(k);
      if (n == null) {
        return true;
      }
    }
    return !n.hasRules();
  }

  /** One path segment of the virtual document. */
  public static final class Node {
    private final List<Value> path;
    private final Map<Value, Node> children = new LinkedHashMap<>();
    private final List<CompiledRule> rules = new ArrayList<>();
    private final List<CompiledRule> functions = new ArrayList<>();

    Node(List<Value> path) {
      this.path = path;
    }

    public List<Value> path() {
      return path;
    }

    public String name() {
      return Names.ofPath("data", path);
    }

    public Map<Value, Node> children() {
      return Collections.unmodifiableMap(children);
    }

    /** Non-function rules whose ground path is this node's, in source order. */
    public List<CompiledRule> rules() {
      return Collections.unmodifiableList(rules);
    }

    public List<CompiledRule> functions() {
      return Collections.unmodifiableList(functions);
    }

    void add(CompiledRule r) {
      (r.kind() == CompiledRule.Kind.FUNCTION ? functions : rules).add(r);
    }

    /** True when this node or a descendant defines rules (as opposed to functions only). */
    public boolean hasRules() {
      if (!rules.isEmpty()) {
        return true;
      }
      for (Node c : children.values()) {
        if (c.hasRules()) {
          return true;
        }
      }
      return false;
    }
  }
}
