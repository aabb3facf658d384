package dev.verdict.eval;

import dev.verdict.value.Value;

/** A term whose vars are all bound: evaluates to its value, or null when undefined. */
@FunctionalInterface
interface ValueFn {
  Value eval(Ev ev, Value[] f);
}
