package dev.verdict.eval;

import dev.verdict.value.Value;
import java.util.List;

/** The definitions of one function; a call tries each and they must agree. */
final class FunctionSet {

  static final String CONFLICT = "functions must not produce multiple outputs for same inputs";

  final String name;
  final int arity;
  private RulePlan[] rules = new RulePlan[0];
  private RulePlan[] defaults = new RulePlan[0];
  private boolean earlyExit;

  FunctionSet(String name, int arity) {
    this.name = name;
    this.arity = arity;
  }

  /**
   * Sets the planned definitions and the default ones (which apply only when no other definition
   * does); done once, after every function exists so calls can link.
   */
  void define(RulePlan[] rules, RulePlan[] defaults) {
    this.rules = rules;
    this.defaults = defaults;
    Value seen = null;
    boolean same = true;
    for (RulePlan r : rules) {
      List<Value> cs = r.constants();
      if (cs == null) {
        same = false;
        break;
      }
      for (Value c : cs) {
        same &= seen == null || seen.equals(c);
        seen = c;
      }
    }
    this.earlyExit = same;
  }

  /** The result for these arguments, or null when no definition applies. */
  Value call(Ev ev, Value[] args) {
    ev.tick();
    Value result = agreed(ev, args, rules);
    return result != null ? result : agreed(ev, args, defaults);
  }

  private Value agreed(Ev ev, Value[] args, RulePlan[] definitions) {
    Value result = null;
    for (RulePlan r : definitions) {
      Value v = r.complete(ev, args, earlyExit, CONFLICT);
      if (v == null) {
        continue;
      }
      if (result == null) {
        result = v;
        if (earlyExit) {
          break;
        }
      } else if (!result.equals(v)) {
        throw EvalException.conflict(CONFLICT, r.location);
      }
    }
    return result;
  }
}
