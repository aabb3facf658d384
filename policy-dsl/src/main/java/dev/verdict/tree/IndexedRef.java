package dev.verdict.tree;

import dev.verdict.compiler.Names;
import dev.verdict.value.Value;
import java.util.List;

/** A ground ref a decision tree tests: {@code input.x.y} or a base-data path {@code data.a.b}. */
public record IndexedRef(boolean input, List<Value> path) {
  public IndexedRef {
    path = List.copyOf(path);
  }

  @Override
  public String toString() {
    return Names.ofPath(input ? "input" : "data", path);
  }
}
