package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.ANY_ARRAY;
import static dev.verdict.types.Type.ANY_SET;

import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code graph.reachable graph.reachable_paths} over an object of node to neighbours (array or set). */
final class GraphBuiltins {

  private GraphBuiltins() {}

  static void register(BuiltinRegistry r) {
    Type nodes = Type.anyOf(ANY_ARRAY, ANY_SET);
    Type graph = Type.objectOf(ANY, nodes);
    r.function("graph.reachable", Signature.of(ANY_SET, graph, nodes), (ctx, a) -> reachable(ctx, a));
    r.function("graph.reachable_paths", Signature.of(Type.setOf(ANY_ARRAY), graph, nodes), (ctx, a) -> paths(ctx, a));
  }

  private static List<Value> initial(Value[] a) {
    if (!(a[1] instanceof ArrayValue) && !(a[1] instanceof SetValue)) {
      throw BuiltinException.operandType(2, "{array, set}", a[1]);
    }
    List<Value> out = new ArrayList<>();
    Args.elements(a[1]).forEach(out::add);
    return out;
  }

  /** Neighbours of a node; values that are neither arrays nor sets have none. */
  private static Iterable<Value> neighbours(Value edges) {
    return edges instanceof ArrayValue || edges instanceof SetValue ? Args.elements(edges) : Collections.emptyList();
  }

  /** Breadth first; only nodes that are keys of the graph count as reached. */
  private static Value reachable(BuiltinContext ctx, Value[] a) {
    ObjectValue graph = Operands.object(a, 0);
    Deque<Value> queue = new ArrayDeque<>(initial(a));
    Set<Value> reached = new LinkedHashSet<>();
    while (!queue.isEmpty()) {
      Value node = queue.poll();
      Value edges = graph.get(node);
      if (edges != null && reached.add(node)) {
        for (Value n : neighbours(edges)) {
          if (!reached.contains(n)) {
            queue.add(n);
          }
        }
      }
      if ((reached.size() & 1023) == 1023) {
        ctx.checkLimits();
      }
    }
    return SetValue.of(reached);
  }

  /**
   * Every path from each initial node until a leaf, a node outside the graph, or a node already
   * reached. As OPA does, "reached" is shared by the whole walk below one neighbour of an initial
   * node (not kept per path), so a node met again through a sibling branch ends that branch.
   */
  private static Value paths(BuiltinContext ctx, Value[] a) {
    ObjectValue graph = Operands.object(a, 0);
    Set<Value> result = new HashSet<>();
    for (Value node : initial(a)) {
      Value edges = graph.get(node);
      if (edges == null) {
        continue;
      }
      if (!neighbours(edges).iterator().hasNext()) {
        result.add(ArrayValue.of(node));
        continue;
      }
      for (Value n : neighbours(edges)) {
        List<Value> path = new ArrayList<>();
        path.add(node);
        Set<Value> reached = new HashSet<>();
        reached.add(node);
        extend(ctx, graph, n, path, reached, result);
      }
    }
    return SetValue.of(result);
  }

  private static void extend(
      BuiltinContext ctx, ObjectValue graph, Value node, List<Value> path, Set<Value> reached, Set<Value> result) {
    ctx.checkLimits();
    Value edges = graph.get(node);
    if (edges == null) {
      result.add(ArrayValue.of(path));
      return;
    }
    path.add(node);
    try {
      if (!neighbours(edges).iterator().hasNext()) {
        result.add(ArrayValue.of(path));
        return;
      }
      for (Value n : neighbours(edges)) {
        if (reached.contains(n)) {
          result.add(ArrayValue.of(path));
        } else {
          reached.add(node);
          extend(ctx, graph, n, path, reached, result);
        }
      }
    } finally {
      path.remove(path.size() - 1);
    }
  }
}
