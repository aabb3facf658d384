package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.tree.DecisionTree;
import dev.verdict.value.SetValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one rule root, evaluated together into the root's document and cached per query.
 * A decision tree picks the candidate rules, so only their bodies run.
 */
final class RuleSet {

  static final String COMPLETE_CONFLICT = "complete rules must not produce multiple outputs";

  /** How the root's document is assembled. */
  enum Mode {
    /** Single-value rules at the root itself: one value. */
    COMPLETE,
    /** Multi-value rules at the root itself: one set. */
    SET,
    /** Anything else (refs with vars, rules further down): an object built path by path. */
    TREE
  }

  /** This root's number in its program, which keys its {@link DocCache} slot. */
  final int id;
  final DocNode node;
  final Mode mode;
  final RulePlan[] rules;
  final RulePlan[] defaults;
  final DecisionTree index;
  /** Paths of the index's refs, aligned with {@code index.refs()}. */
  final Value[][] indexPaths;
  final boolean[] indexOnInput;
  final boolean earlyExit;

  RuleSet(int id, DocNode node, Mode mode, RulePlan[] rules, RulePlan[] defaults, DecisionTree index) {
    this.id = id;
    this.node = node;
    this.mode = mode;
    this.rules = rules;
    this.defaults = defaults;
    this.index = index;
    int n = index == null ? 0 : index.refs().size();
    this.indexPaths = new Value[n][];
    this.indexOnInput = new boolean[n];
    for (int i = 0; i < n; i++) {
      indexPaths[i] = index.refs().get(i).path().toArray(new Value[0]);
      indexOnInput[i] = index.refs().get(i).input();
    }
    this.earlyExit = mode == Mode.COMPLETE && sameConstant(rules);
  }

  /** True when every branch of every rule yields one and the same constant. */
  private static boolean sameConstant(RulePlan[] rules) {
    Value seen = null;
    for (RulePlan r : rules) {
      List<Value> cs = r.constants();
      if (cs == null) {
        return false;
      }
      for (Value c : cs) {
        if (seen == null) {
          seen = c;
        } else if (!seen.equals(c)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The document at the root, or null when undefined. */
  Value value(Ev ev) {
    Object cached = ev.cache.get(this);
    if (cached != null) {
      return ev.cached(cached, node.name, location());
    }
    ev.cache.put(this, Ev.IN_PROGRESS);
    ev.location = location(); // where limits hit in bodies without builtin calls are reported
    Value v;
    try {
      ev.tick();
      v = switch (mode) {
        case COMPLETE -> complete(ev);
        case SET -> set(ev);
        case TREE -> tree(ev);
      };
    } catch (RuntimeException | StackOverflowError e) {
      ev.cache.remove(this);
      throw e;
    }
    ev.cache.put(this, v == null ? Ev.UNDEFINED : v);
    return v;
  }

  private Location location() {
    return rules.length > 0 ? rules[0].location : defaults[0].location;
  }

  private int[] candidates(Ev ev) {
    if (index == null) {
      return null;
    }
    return index.candidates(i -> indexOnInput[i] ? Docs.walk(ev.input, indexPaths[i], 0, indexPaths[i].length)
        : DataAccess.get(ev, indexPaths[i]), ev.program.globs(ev));
  }

  private Value complete(Ev ev) {
    Value result = null;
    int[] picked = candidates(ev);
    int n = picked == null ? rules.length : picked.length;
    for (int j = 0; j < n; j++) {
      RulePlan r = rules[picked == null ? j : picked[j]];
      Value v = r.complete(ev, null, earlyExit, COMPLETE_CONFLICT);
      if (v == null) {
        continue;
      }
      if (result == null) {
        result = v;
        if (earlyExit) {
          break;
        }
      } else if (!result.equals(v)) {
        throw EvalException.conflict(COMPLETE_CONFLICT, r.location);
      }
    }
    if (result == null && defaults.length > 0) {
      result = defaults[0].complete(ev, null, true, COMPLETE_CONFLICT);
    }
    return result;
  }

  private Value set(Ev ev) {
    List<Value> elements = new ArrayList<>();
    int[] picked = candidates(ev);
    int n = picked == null ? rules.length : picked.length;
    for (int j = 0; j < n; j++) {
      rules[picked == null ? j : picked[j]].contribute(ev, new RulePlan.Contribution() {
        @Override
        public void element(Value[] path, Value element, Location loc) {
          elements.add(element);
        }

        @Override
        public void value(Value[] path, Value v, Location loc) {
          throw new IllegalStateException("single value in a set rule root");
        }
      });
    }
    return SetValue.of(elements);
  }

  private Value tree(Ev ev) {
    DocBuilder doc = new DocBuilder();
    RulePlan.Contribution into = new RulePlan.Contribution() {
      @Override
      public void element(Value[] path, Value element, Location loc) {
        doc.add(path, element, loc);
      }

      @Override
      public void value(Value[] path, Value v, Location loc) {
        doc.put(path, v, loc);
      }
    };
    int[] picked = candidates(ev);
    int n = picked == null ? rules.length : picked.length;
    for (int j = 0; j < n; j++) {
      RulePlan r = rules[picked == null ? j : picked[j]];
      if (r.suffix.length == 0 && r.key == null) {
        Value v = r.complete(ev, null, false, COMPLETE_CONFLICT);
        if (v != null) {
          doc.put(r.relPath, v, r.location);
        }
      } else {
        r.contribute(ev, into);
      }
    }
    for (RulePlan d : defaults) {
      if (doc.isEmpty(d.relPath)) {
        Value v = d.complete(ev, null, true, COMPLETE_CONFLICT);
        if (v != null) {
          doc.put(d.relPath, v, d.location);
        }
      }
    }
    return doc.build();
  }
}
