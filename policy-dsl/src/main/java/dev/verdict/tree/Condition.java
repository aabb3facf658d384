package dev.verdict.tree;

import dev.verdict.value.SetValue;
import dev.verdict.value.Value;

/** What a rule body requires of one indexed ref. */
public sealed interface Condition {

  IndexedRef ref();

  /** {@code ref == value} (or {@code =}). */
  record Equals(IndexedRef ref, Value value) implements Condition {}

  /** {@code ref in {…}} with constant members. */
  record OneOf(IndexedRef ref, SetValue values) implements Condition {}

  /** {@code glob.match(pattern, delimiters, ref)} with a constant pattern and delimiters. */
  record Glob(IndexedRef ref, String pattern, Value delimiters) implements Condition {}

  /** A bare {@code ref}: defined and not false. */
  record Truthy(IndexedRef ref) implements Condition {}
}
