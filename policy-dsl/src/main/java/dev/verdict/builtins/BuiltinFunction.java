package dev.verdict.builtins;

import dev.verdict.value.Value;

/** A builtin with one result per call. */
@FunctionalInterface
public interface BuiltinFunction {
  /**
   * Computes the result from already-evaluated operands; returns {@code null} for undefined.
   *
   * @throws BuiltinException on bad operands or failure
   */
  Value apply(BuiltinContext ctx, Value[] args);
}
