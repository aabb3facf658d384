package dev.verdict.eval;

import dev.verdict.builtins.Builtin;
import dev.verdict.value.Value;

/** What {@code with f as …} puts in place of a function or builtin. */
sealed interface Mock {

  /** Every call answers this value. */
  record Constant(Value value) implements Mock {}

  record ByBuiltin(Builtin builtin) implements Mock {}

  record ByFunction(FunctionSet function) implements Mock {}
}
