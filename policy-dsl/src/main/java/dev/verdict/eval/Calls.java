package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.value.Value;

/** What builtin and function calls share: evaluating operands, and answering through a mock. */
final class Calls {

  private Calls() {}

  /** The operand values, or null when one is undefined. */
  static Value[] operands(Ev ev, Value[] f, ValueFn[] args) {
    Value[] a = new Value[args.length];
    for (int i = 0; i < args.length; i++) {
      Value v = args[i].eval(ev, f);
      if (v == null) {
        return null;
      }
      a[i] = v;
    }
    return a;
  }

  /**
   * Answers a call through its mock. A replacement function runs with no mocks in force, as in
   * OPA: a mock that calls the function it replaces reaches the original. Its rule values are
   * cached apart from those computed under the mocks.
   */
  static Value mocked(Ev ev, Mock m, Value[] a, Location location) {
    return switch (m) {
      case Mock.Constant c -> c.value();
      case Mock.ByBuiltin b -> BuiltinCall.apply(ev, b.builtin(), a, location);
      case Mock.ByFunction fn -> {
        WithStep.State outside = WithStep.State.of(ev);
        ev.mocks = null;
        ev.cache = new DocCache(ev.program);
        try {
          yield fn.function().call(ev, a);
        } finally {
          outside.restore(ev);
        }
      }
    };
  }
}
