package dev.verdict.eval;

import dev.verdict.value.Value;

/** A call of a user function with ground arguments. */
final class FunctionCall implements ValueFn {

  private final FunctionSet function;
  private final ValueFn[] args;
  private final dev.verdict.ast.Location location;

  FunctionCall(FunctionSet function, ValueFn[] args, dev.verdict.ast.Location location) {
    this.function = function;
    this.args = args;
    this.location = location;
  }

  @Override
  public Value eval(Ev ev, Value[] f) {
    Value[] a = Calls.operands(ev, f, args);
    if (a == null) {
      return null;
    }
    if (ev.mocks != null) {
      Mock m = ev.mocks.get(function.name);
      if (m != null) {
        return Calls.mocked(ev, m, a, location);
      }
    }
    return function.call(ev, a);
  }
}
