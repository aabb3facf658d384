package dev.verdict.compiler;

import dev.verdict.ast.Term;
import dev.verdict.error.RegoError;


import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects rules and functions that depend on themselves, directly or through others
 * ({@code rego_recursion_error}), naming the cycle. A ref into a package depends on every rule
 * under it; a ref with a var key depends on the rules under every child that matches the rest of its path.
 */
final class CheckRecursion implements Stage {

  @Override
  public String name() {
    return "check_recursion";
  }

  @Override
  public void run(CompileState state) {
    RuleTree tree = state.tree();
    Map<RuleTree.Node, Set<RuleTree.Node>> edges = new IdentityHashMap<>();
    Map<RuleTree.Node, CompiledRule> first = new IdentityHashMap<>();
    for (CompiledRule r : state.rules()) {
      RuleTree.Node from = tree.find(r.path());
      first.putIfAbsent(from, r);
      Set<RuleTree.Node> to = edges.computeIfAbsent(from, k -> new LinkedHashSet<>());
      TermWalker.rule(r.rule(), t -> {
        if (t instanceof Term.Ref ref && ref.head() instanceof Term.Var v && v.name().equals("data")) {
          targets(tree.root(), ref.path(), 0, to);
        } else if (t instanceof Term.Call c && c.operator().head() instanceof Term.Var v && v.name().equals("data")) {
          targets(tree.root(), c.operator().path(), 0, to);
        }
      });
    }
    new Tarjan(edges, first, state).run();
  }

  /** The rule nodes a ref can reach; a var key tries every child against the rest of the path. */
  private static void targets(RuleTree.Node n, List<Term> path, int i, Set<RuleTree.Node> out) {
    if (i == path.size() || !n.rules().isEmpty() || !n.functions().isEmpty()) {
      addSubtree(n, out);
    } else if (path.get(i) instanceof Term.Scalar s) {
      RuleTree.Node child = n.children().get(s.value());
      if (child != null) {
        targets(child, path, i + 1, out);
      }
    } else {
      for (RuleTree.Node child : n.children().values()) {
        targets(child, path, i + 1, out);
      }
    }
  }

  private static void addSubtree(RuleTree.Node n, Set<RuleTree.Node> out) {
    if (!n.rules().isEmpty() || !n.functions().isEmpty()) {
      out.add(n);
    }
    for (RuleTree.Node c : n.children().values()) {
      addSubtree(c, out);
    }
  }

  /** Tarjan's strongly connected components; each cyclic component is one error. */
  private static final class Tarjan {
    private final Map<RuleTree.Node, Set<RuleTree.Node>> edges;
    private final Map<RuleTree.Node, CompiledRule> first;
    private final CompileState state;
    private final Map<RuleTree.Node, Integer> index = new IdentityHashMap<>();
    private final Map<RuleTree.Node, Integer> low = new IdentityHashMap<>();
    private final Deque<RuleTree.Node> stack = new ArrayDeque<>();
    private final Set<RuleTree.Node> onStack = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private int counter;

    Tarjan(Map<RuleTree.Node, Set<RuleTree.Node>> edges, Map<RuleTree.Node, CompiledRule> first, CompileState state) {
      this.edges = edges;
      this.first = first;
      this.state = state;
    }

    void run() {
      for (RuleTree.Node n : new ArrayList<>(edges.keySet())) {
        if (!index.containsKey(n)) {
          visit(n);
        }
      }
    }

    private void visit(RuleTree.Node n) {
      // Iterative: policies can chain thousands of rules; recursion here must not overflow.
      Deque<Object[]> work = new ArrayDeque<>();
      enter(n);
      work.push(new Object[] {n, edges.getOrDefault(n, Set.of()).iterator()});
      while (!work.isEmpty()) {
        Object[] frame = work.peek();
        RuleTree.Node v = (RuleTree.Node) frame[0];
        @SuppressWarnings("unchecked")
        var it = (java.util.Iterator<RuleTree.Node>) frame[1];
        if (it.hasNext()) {
          RuleTree.Node w = it.next();
          if (!index.containsKey(w)) {
            enter(w);
            work.push(new Object[] {w, edges.getOrDefault(w, Set.of()).iterator()});
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          RuleTree.Node parent = (RuleTree.Node) work.peek()[0];
          low.put(parent, Math.min(low.get(parent), low.get(v)));
        }
        if (low.get(v).equals(index.get(v))) {
          List<RuleTree.Node> component = new ArrayList<>();
          RuleTree.Node w;
          do {
            w = stack.pop();
            onStack.remove(w);
            component.add(w);
          } while (w != v);
          boolean selfLoop = edges.getOrDefault(v, Set.of()).contains(v);
          if (component.size() > 1 || selfLoop) {
            report(component);
          }
        }
      }
    }

    private void enter(RuleTree.Node n) {
      index.put(n, counter);
      low.put(n, counter);
      counter++;
      stack.push(n);
      onStack.add(n);
    }

    private void report(List<RuleTree.Node> component) {
      java.util.Collections.reverse(component);
      RuleTree.Node start = component.get(0);
      StringBuilder cycle = new StringBuilder(start.name());
      for (int i = 1; i < component.size(); i++) {
        cycle.append(" -> ").append(component.get(i).name());
      }
      cycle.append(" -> ").append(start.name());
      CompiledRule r = first.get(start);
      String kind = r != null && r.kind() == CompiledRule.Kind.FUNCTION ? "function" : "rule";
      state.error(
          RegoError.RECURSION,
          r == null ? null : r.rule().location(),
          kind + " " + start.name() + " is recursive: " + cycle);
    }
  }

}
