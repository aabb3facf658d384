package dev.verdict.eval;

import dev.verdict.value.Value;

/**
 * One planned piece of a body, in continuation-passing style: {@link #run} finds each way this
 * step can succeed under the current bindings, binds what it binds, runs {@link #next} and undoes
 * its bindings. It returns true when evaluation must stop (a sink had enough).
 */
abstract class Step {

  /** The rest of the body; set once while planning. */
  Step next;

  abstract boolean run(Ev ev, Value[] f);

  /** Hands the current bindings to the innermost sink: the end of every planned body. */
  static final class Yield extends Step {
    @Override
    boolean run(Ev ev, Value[] f) {
      return ev.sink().accept(ev, f);
    }
  }
}
