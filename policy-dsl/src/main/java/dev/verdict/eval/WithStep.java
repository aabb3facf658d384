package dev.verdict.eval;

import dev.verdict.value.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * A literal with {@code with} modifiers: replaces input, parts of data, or functions while the
 * literal's own steps run, and restores them for the rest of the body. Rule values computed
 * under the replacement are cached apart and dropped afterwards.
 */
final class WithStep extends Step {

  /** What one modifier replaces. */
  sealed interface Target {
    /** {@code with input[.path] as v}. */
    record Input(Value[] path, ValueFn value) implements Target {}

    /** {@code with data.path as v} (a document, base or virtual). */
    record Data(Value[] path, ValueFn value) implements Target {}

    /** {@code with f as g} or {@code with f as value}: {@code fixed} when g names a function. */
    record Function(String name, Mock fixed, ValueFn value) implements Target {}
  }

  /** What a modifier replaced, to be put back. */
  record State(Value input, Overlay overlay, Map<String, Mock> mocks, DocCache cache) {
    static State of(Ev ev) {
      return new State(ev.input, ev.overlay, ev.mocks, ev.cache);
    }

    void restore(Ev ev) {
      ev.input = input;
      ev.overlay = overlay;
      ev.mocks = mocks;
      ev.cache = cache;
    }
  }

  private final Target[] targets;
  private Step inner;

  WithStep(Target[] targets) {
    this.targets = targets;
  }

  /** Sets the literal's own steps, planned after this step so they can end in its {@link #exit()}. */
  void inner(Step steps) {
    this.inner = steps;
  }

  @Override
  boolean run(Ev ev, Value[] f) {
    Value input = ev.input;
    Overlay overlay = ev.overlay;
    Map<String, Mock> mocks = ev.mocks;
    for (Target t : targets) {
      switch (t) {
        case Target.Input in -> {
          Value v = in.value().eval(ev, f);
          if (v == null) {
            return false;
          }
          input = in.path().length == 0 ? v : Overlay.upsert(input, in.path(), 0, v);
        }
        case Target.Data d -> {
          Value v = d.value().eval(ev, f);
          if (v == null) {
            return false;
          }
          overlay = (overlay == null ? Overlay.EMPTY : overlay).with(d.path(), 0, v);
        }
        case Target.Function fn -> {
          Mock m = fn.fixed();
          if (m == null) {
            Value v = fn.value().eval(ev, f);
            if (v == null) {
              return false;
            }
            m = new Mock.Constant(v);
          }
          mocks = mocks == null ? new HashMap<>() : new HashMap<>(mocks);
          mocks.put(fn.name(), m);
        }
      }
    }
    State outside = State.of(ev);
    ev.input = input;
    ev.overlay = overlay;
    ev.mocks = mocks;
    ev.cache = new DocCache(ev.program);
    ev.pushWith(outside);
    try {
      return inner.run(ev, f);
    } finally {
      ev.popWith();
      outside.restore(ev);
    }
  }

  /** The step that ends the literal: the rest of the body runs without the replacements. */
  Step exit() {
    return new Step() {
      @Override
      boolean run(Ev ev, Value[] f) {
        State inside = State.of(ev);
        ev.peekWith().restore(ev);
        try {
          return WithStep.this.next.run(ev, f);
        } finally {
          inside.restore(ev);
        }
      }
    };
  }
}
