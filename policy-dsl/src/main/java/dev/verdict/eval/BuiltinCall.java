package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.builtins.Builtin;
import dev.verdict.builtins.BuiltinException;
import dev.verdict.error.RegoError;
import dev.verdict.value.Value;

/**
 * A call of a builtin with ground operands. Undefined operands make the call undefined; builtin
 * errors are raised in strict mode and make the call undefined otherwise, as in OPA.
 */
final class BuiltinCall implements ValueFn {

  final Builtin builtin;
  private final ValueFn[] args;
  private final Location location;

  BuiltinCall(Builtin builtin, ValueFn[] args, Location location) {
    this.builtin = builtin;
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
      Mock m = ev.mocks.get(builtin.name());
      if (m != null) {
        return Calls.mocked(ev, m, a, location);
      }
    }
    return apply(ev, builtin, a, location);
  }

  static Value apply(Ev ev, Builtin b, Value[] a, Location location) {
    ev.location = location;
    if (!b.deterministic()) {
      ev.nondeterministic = true;
    }
    try {
      return b.function().apply(ev, a);
    } catch (BuiltinException e) {
      if (ev.strictBuiltinErrors()) {
        throw new EvalException(e.code().code(), b.name() + ": " + e.getMessage(), location);
      }
      return null;
    } catch (EvalException e) {
      throw e;
    } catch (RuntimeException e) {
      // A builtin must never take the query down with an unexpected exception. A stack overflow
      // (walking data nested too deeply) is a limit of the query instead: see Program.guard.
      if (ev.strictBuiltinErrors()) {
        throw new EvalException(RegoError.EVAL_BUILTIN, b.name() + ": " + e, location);
      }
      return null;
    }
  }
}
