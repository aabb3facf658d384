package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.compiler.CompiledRule;
import dev.verdict.value.Value;
import java.util.List;

/**
 * A rule ready to run: its body as planned steps, its head as evaluators over the body's frame,
 * and its else branch. One frame per evaluation holds every var of the rule.
 */
final class RulePlan {

  final CompiledRule rule;
  final Location location;
  final int frameSize;
  /** Function parameters, matched against the arguments before the body runs; null otherwise. */
  final Pattern[] params;
  final Step body;
  /** The head ref after the rule's ground path (keys evaluated per solution). */
  final ValueFn[] suffix;
  /** The element of a multi-value rule. */
  final ValueFn key;
  /** The value of a single-value rule or function. */
  final ValueFn value;
  /** The value when it is a constant, else null: lets complete rules stop at the first solution. */
  final Value constant;
  /** Path from the rule root to this rule's ground path. */
  final Value[] relPath;
  final RulePlan elsePlan;

  RulePlan(
      CompiledRule rule,
      Location location,
      int frameSize,
      Pattern[] params,
      Step body,
      ValueFn[] suffix,
      ValueFn key,
      ValueFn value,
      Value constant,
      Value[] relPath,
      RulePlan elsePlan) {
    this.rule = rule;
    this.location = location;
    this.frameSize = frameSize;
    this.params = params;
    this.body = body;
    this.suffix = suffix;
    this.key = key;
    this.value = value;
    this.constant = constant;
    this.relPath = relPath;
    this.elsePlan = elsePlan;
  }

  /** Every value this rule and its else branches can take, when all are constants; else null. */
  List<Value> constants() {
    if (constant == null) {
      return null;
    }
    if (elsePlan == null) {
      return List.of(constant);
    }
    List<Value> rest = elsePlan.constants();
    if (rest == null) {
      return null;
    }
    java.util.ArrayList<Value> all = new java.util.ArrayList<>(rest);
    all.add(constant);
    return all;
  }

  /**
   * The value of a single-value rule with a ground ref, or of a function for {@code args};
   * null when no branch applies. Several solutions must agree.
   */
  Value complete(Ev ev, Value[] args, boolean earlyExit, String conflictMessage) {
    Value[] f = new Value[frameSize];
    int mark = ev.mark();
    try {
      if (params != null) {
        for (int i = 0; i < params.length; i++) {
          if (!params[i].match(ev, f, args[i])) {
            return null;
          }
        }
      }
      CompleteSink sink = new CompleteSink(earlyExit, conflictMessage);
      ev.run(body, f, sink);
      if (sink.result != null) {
        return sink.result;
      }
    } finally {
      ev.undo(f, mark);
    }
    return elsePlan == null ? null : elsePlan.complete(ev, args, earlyExit, conflictMessage);
  }

  /** Runs the body; each solution's head goes to {@code out} as an element or a keyed value. */
  void contribute(Ev ev, Contribution out) {
    Value[] f = new Value[frameSize];
    ev.run(body, f, (e, frame) -> {
      Value[] path = relPath;
      if (suffix.length > 0) {
        path = java.util.Arrays.copyOf(relPath, relPath.length + suffix.length);
        for (int i = 0; i < suffix.length; i++) {
          Value k = suffix[i].eval(e, frame);
          if (k == null) {
            return false;
          }
          path[relPath.length + i] = k;
        }
      }
      if (key != null) {
        Value k = key.eval(e, frame);
        if (k != null) {
          out.element(path, k, location);
        }
      } else {
        Value v = value.eval(e, frame);
        if (v != null) {
          out.value(path, v, location);
        }
      }
      return false;
    });
  }

  /** Where {@link #contribute} puts what a rule produces. */
  interface Contribution {
    void element(Value[] path, Value element, Location loc);

    void value(Value[] path, Value v, Location loc);
  }

  private final class CompleteSink implements Sink {
    private final boolean earlyExit;
    private final String conflictMessage;
    Value result;

    CompleteSink(boolean earlyExit, String conflictMessage) {
      this.earlyExit = earlyExit;
      this.conflictMessage = conflictMessage;
    }

    @Override
    public boolean accept(Ev ev, Value[] f) {
      Value v = value.eval(ev, f);
      if (v == null) {
        return false;
      }
      if (result == null) {
        result = v;
      } else if (!result.equals(v)) {
        throw EvalException.conflict(conflictMessage, location);
      }
      return earlyExit;
    }
  }
}
