package dev.verdict.tree;

import dev.verdict.value.Value;

/** The current value of an indexed ref during a query (input as changed by {@code with}). */
@FunctionalInterface
public interface RefValues {
  /** The value of the tree's {@code refIndex}-th ref ({@link DecisionTree#refs()}), or null when undefined. */
  Value get(int refIndex);
}
