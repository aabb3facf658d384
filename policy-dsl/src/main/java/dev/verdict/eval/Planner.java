package dev.verdict.eval;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.compiler.RuleMetadata;
import dev.verdict.ast.Location;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import dev.verdict.builtins.Builtin;
import dev.verdict.compiler.CompiledRule;
import dev.verdict.compiler.Names;
import dev.verdict.compiler.Vars;
import dev.verdict.error.RegoError;
import dev.verdict.error.RegoException;
import dev.verdict.tree.Conditions;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a compiled rule or query (bodies already ordered for safety) into steps and term
 * evaluators over one frame of slots. Tracks which vars are bound at each point, so that every
 * term is planned as what it is there: a ground value, a pattern to bind, or a ref to enumerate.
 * Refs with unbound keys nested inside other terms are hoisted into steps of their own first.
 */
final class Planner {

  private final Program program;
  private final Map<String, Integer> slots = new LinkedHashMap<>();
  private Set<String> bound = new LinkedHashSet<>();
  private int temps;
  /** The rule being planned, for the calls that answer with its metadata; null in a query. */
  private CompiledRule rule;
  /** Whether to plan coverage probes: for rules of a program planned for coverage, never for queries. */
  private boolean probes;

  Planner(Program program) {
    this.program = program;
    this.probes = program.coverage != null;
  }

  // ---------------------------------------------------------------- entry points

  RulePlan rule(CompiledRule cr, Rule r, Value[] relPath) {
    rule = cr;
    Pattern[] params = null;
    List<Term> argChecks = new ArrayList<>();
    if (r.head().args() != null) {
      params = new Pattern[r.head().args().size()];
      for (int i = 0; i < params.length; i++) {
        Term arg = r.head().args().get(i);
        if (bindable(arg)) {
          params[i] = pattern(arg);
        } else {
          // f($"{x}") or f(a + 1): the argument is compared once the body has bound what it reads.
          Term.Var temp = new Term.Var(arg.location(), "$t" + (++temps));
          params[i] = pattern(temp);
          argChecks.add(new Term.Call(arg.location(), op(arg.location(), "eq"), List.of(temp, arg)));
        }
      }
    }
    // Head terms that enumerate (q := xs[_]) run as the body's last steps, so each value counts.
    List<Step> steps = literals(r.body());
    for (Term check : argChecks) {
      termExpr(check, steps);
    }
    List<Term> refPath = r.head().ref().path();
    List<Term> suffixTerms = refPath.subList(refPath.size() - cr.suffix().size(), refPath.size());
    ValueFn[] suffix = new ValueFn[suffixTerms.size()];
    for (int i = 0; i < suffix.length; i++) {
      suffix[i] = fn(hoist(suffixTerms.get(i), steps));
    }
    ValueFn key = r.head().key() == null || r.head().value() != null ? null : fn(hoist(r.head().key(), steps));
    ValueFn value = r.head().value() == null ? null : fn(hoist(r.head().value(), steps));
    probe(r.head().location(), steps);
    Step body = chain(steps, new Step.Yield());
    Value constant = r.head().value() == null ? null : Conditions.constant(r.head().value());
    RulePlan elsePlan = r.elseRule() == null ? null : new Planner(program).rule(cr, r.elseRule(), relPath);
    return new RulePlan(cr, r.location(), slots.size(), params, body, suffix, key, value, constant, relPath, elsePlan);
  }

  /** A query: its steps end in {@code terminal}; {@link #slots()} then names each var's slot. */
  Step query(Body body, Step terminal) {
    probes = false;
    return body(body, terminal);
  }

  Map<String, Integer> slots() {
    return slots;
  }

  int frameSize() {
    return slots.size();
  }

  // ---------------------------------------------------------------- bodies

  private List<Step> literals(Body b) {
    List<Step> steps = new ArrayList<>();
    for (Literal l : b.literals()) {
      if (!(l.expr() instanceof Expr.SomeDecl)) {
        probe(l.location(), steps);
      }
      steps.addAll(literal(l));
    }
    return steps;
  }

  /** When planning for coverage, a step marking {@code at}'s row as reached (nothing otherwise). */
  private void probe(Location at, List<Step> steps) {
    if (probes && !at.file().isEmpty()) {
      steps.add(new CoverageProbe(program.coverage.file(at.file()), at.row()));
    }
  }

  /** Plans a body; its steps run in order and end in {@code terminal}. */
  private Step body(Body b, Step terminal) {
    return chain(literals(b), terminal);
  }

  private static Step chain(List<Step> steps, Step terminal) {
    Step next = terminal;
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step s = steps.get(i);
      s.next = next;
      next = s;
    }
    return next;
  }

  private List<Step> literal(Literal l) {
    if (!l.withs().isEmpty()) {
      return List.of(with(l));
    }
    if (l.negated()) {
      Set<String> outside = bound;
      bound = new LinkedHashSet<>(outside);
      try {
        Step inner = chain(core(l.expr()), new Step.Yield());
        return List.of(new Steps.Not(inner));
      } finally {
        bound = outside;
      }
    }
    return core(l.expr());
  }

  private Step with(Literal l) {
    List<WithStep.Target> targets = new ArrayList<>();
    for (With w : l.withs()) {
      targets.add(withTarget(w));
    }
    WithStep step = new WithStep(targets.toArray(new WithStep.Target[0]));
    List<Step> inner = literal(new Literal(l.location(), l.negated(), l.expr(), List.of()));
    step.inner(chain(inner, step.exit()));
    return step;
  }

  private WithStep.Target withTarget(With w) {
    Term target = w.target();
    String root;
    List<Term> path;
    if (target instanceof Term.Var v) {
      root = v.name();
      path = List.of();
    } else if (target instanceof Term.Ref r && r.head() instanceof Term.Var v) {
      root = v.name();
      path = r.path();
    } else {
      throw planError(w.location(), "with keyword target must reference existing input, data, or a function");
    }
    List<Value> keys = Names.groundPrefix(path);
    if (keys.size() != path.size()) {
      throw planError(w.location(), "with keyword target must be a ground reference");
    }
    Value[] keyArray = keys.toArray(new Value[0]);
    String name = root.equals("data") ? Names.ofPath("data", keys) : Names.of(refOf(target));
    if (root.equals("input")) {
      return new WithStep.Target.Input(keyArray, fn(w.value()));
    }
    boolean isFunction = program.functions.containsKey(name) || (!root.equals("data") && program.builtins.get(name) != null);
    if (root.equals("data") && !isFunction) {
      return new WithStep.Target.Data(keyArray, fn(w.value()));
    }
    if (!isFunction) {
      throw planError(w.location(), "with keyword target must reference existing input, data, or a function");
    }
    Mock fixed = mockOf(w.value());
    return new WithStep.Target.Function(name, fixed, fixed == null ? fn(w.value()) : null);
  }

  private static Term.Ref refOf(Term t) {
    return t instanceof Term.Ref r ? r : new Term.Ref(t.location(), t, List.of());
  }

  /** A with-value that names a function or builtin replaces by calling it; anything else is a value. */
  private Mock mockOf(Term value) {
    if (!(value instanceof Term.Ref || value instanceof Term.Var) || isLocal(value)) {
      return null;
    }
    String name = Names.of(refOf(value));
    FunctionSet fs = program.functions.get(name);
    if (fs != null) {
      return new Mock.ByFunction(fs);
    }
    Builtin b = program.builtins.get(name);
    return b != null && !name.startsWith("data.") ? new Mock.ByBuiltin(b) : null;
  }

  private boolean isLocal(Term t) {
    Term head = t instanceof Term.Ref r ? r.head() : t;
    return head instanceof Term.Var v && (bound.contains(v.name()) || slots.containsKey(v.name()));
  }

  /** The steps of one expression; updates {@link #bound} with what they bind. */
  private List<Step> core(Expr e) {
    List<Step> steps = new ArrayList<>();
    switch (e) {
      case Expr.SomeDecl s -> {}
      case Expr.TermExpr t -> termExpr(t.term(), steps);
      case Expr.SomeIn s -> {
        Term coll = hoist(s.collection(), steps);
        ValueFn c = fn(coll);
        Pattern k = s.key() == null ? null : pattern(s.key());
        Pattern v = pattern(s.value());
        steps.add(new Steps.SomeIn(k, v, c));
      }
      case Expr.Every ev -> {
        Term domain = hoist(ev.domain(), steps);
        ValueFn d = fn(domain);
        Set<String> outside = bound;
        bound = new LinkedHashSet<>(outside);
        try {
          Pattern k = ev.key() == null ? null : pattern(ev.key());
          Pattern v = pattern(ev.value());
          Step body = body(ev.body(), new Step.Yield());
          steps.add(new Steps.Every(k, v, d, body));
        } finally {
          bound = outside;
        }
      }
    }
    return steps;
  }

  private void termExpr(Term t, List<Step> steps) {
    if (t instanceof Term.Call c) {
      String name = Names.of(c.operator());
      if ((name.equals("eq") || name.equals("assign")) && c.args().size() == 2) {
        unify(c.args().get(0), c.args().get(1), steps);
        return;
      }
      if (name.equals("print")) {
        steps.add(print(c));
        return;
      }
      int arity = program.arities.applyAsInt(name);
      if (arity >= 0 && c.args().size() == arity + 1 && !name.equals("internal.print")) {
        Term call = new Term.Call(c.location(), c.operator(), c.args().subList(0, arity));
        unify(call, c.args().get(arity), steps);
        return;
      }
      if (name.equals("equal") && c.args().size() == 2) {
        Term a = hoist(c.args().get(0), steps);
        Term b = hoist(c.args().get(1), steps);
        steps.add(new Steps.Equal(fn(a), fn(b)));
        return;
      }
      if (isRelation(c)) {
        steps.add(new Steps.Relation(relationCall(c, steps), null));
        return;
      }
    }
    if (t instanceof Term.Ref r) {
      Term.Ref inner = hoistInside(r, steps);
      if (enumerates(inner)) {
        steps.add(enumerate(inner, null));
        return;
      }
      steps.add(new Steps.Test(fn(inner)));
      return;
    }
    steps.add(new Steps.Test(fn(hoist(t, steps))));
  }

  private Step print(Term.Call c) {
    ValueFn[] operands = new ValueFn[c.args().size()];
    for (int i = 0; i < operands.length; i++) {
      Term arg = c.args().get(i);
      Term.Var v = new Term.Var(arg.location(), "$print" + (++temps));
      operands[i] = fn(new Term.SetComprehension(arg.location(), v, binding(v, arg, List.of())));
    }
    return new Steps.Print(operands);
  }

  private static Term.Ref op(Location loc, String name) {
    return new Term.Ref(loc, new Term.Var(loc, name), List.of());
  }

  // ---------------------------------------------------------------- unification

  private void unify(Term a, Term b, List<Step> steps) {
    a = hoistTop(a, steps);
    b = hoistTop(b, steps);
    boolean ea = enumeratesTop(a);
    boolean eb = enumeratesTop(b);
    if (ea && eb) {
      a = toTemp(a, steps);
      ea = false;
    }
    if (ea || eb) {
      Term source = ea ? a : b;
      Term target = ea ? b : a;
      Pattern p = pattern(target);
      if (source instanceof Term.Call c) {
        steps.add(new Steps.Relation(relationCall(c, steps), p));
      } else {
        steps.add(enumerate((Term.Ref) source, p));
      }
      return;
    }
    boolean ga = ground(a);
    boolean gb = ground(b);
    if (ga && gb) {
      steps.add(new Steps.Equal(fn(a), fn(b)));
    } else if (gb) {
      steps.add(new Steps.Match(pattern(a), fn(b)));
    } else if (ga) {
      steps.add(new Steps.Match(pattern(b), fn(a)));
    } else {
      decompose(a, b, steps);
    }
  }

  /** Unifies two composite patterns element by element, each pair once one side is ready. */
  private void decompose(Term a, Term b, List<Step> steps) {
    List<Term[]> pairs = new ArrayList<>();
    if (a instanceof Term.ArrayTerm x && b instanceof Term.ArrayTerm y) {
      if (x.elements().size() != y.elements().size()) {
        steps.add(new Steps.Test((ev, f) -> null));
        return;
      }
      for (int i = 0; i < x.elements().size(); i++) {
        pairs.add(new Term[] {x.elements().get(i), y.elements().get(i)});
      }
    } else if (a instanceof Term.ObjectTerm x && b instanceof Term.ObjectTerm y && x.items().size() == y.items().size()) {
      for (Term.ObjectTerm.Item i : x.items()) {
        Term match = null;
        for (Term.ObjectTerm.Item j : y.items()) {
          Value ki = Conditions.constant(i.key());
          if (ki != null && ki.equals(Conditions.constant(j.key()))) {
            match = j.value();
          }
        }
        if (match == null) {
          steps.add(new Steps.Test((ev, f) -> null));
          return;
        }
        pairs.add(new Term[] {i.value(), match});
      }
    } else {
      throw planError(a.location(), "cannot unify " + a + " with " + b + ": both sides have unbound variables");
    }
    while (!pairs.isEmpty()) {
      int pick = 0;
      for (int i = 0; i < pairs.size(); i++) {
        if (ground(pairs.get(i)[0]) || ground(pairs.get(i)[1])) {
          pick = i;
          break;
        }
      }
      Term[] p = pairs.remove(pick);
      unify(p[0], p[1], steps);
    }
  }

  // ---------------------------------------------------------------- hoisting

  /** Hoists enumerating refs nested in {@code t} (not {@code t} itself when it is a ref). */
  private Term hoistTop(Term t, List<Step> steps) {
    return t instanceof Term.Ref r ? hoistInside(r, steps) : t instanceof Term.Call c && isRelation(c) ? c : hoist(t, steps);
  }

  /** Replaces every enumerating ref or relation call inside {@code t} (and {@code t} itself) by a bound temp. */
  private Term hoist(Term t, List<Step> steps) {
    return switch (t) {
      case Term.Ref r -> {
        Term.Ref inner = hoistInside(r, steps);
        yield enumerates(inner) ? toTemp(inner, steps) : inner;
      }
      case Term.Call c -> {
        List<Term> args = new ArrayList<>();
        for (Term a : c.args()) {
          args.add(hoist(a, steps));
        }
        Term.Call call = new Term.Call(c.location(), c.operator(), args);
        yield isRelation(call) ? toTemp(call, steps) : call;
      }
      case Term.ArrayTerm a -> new Term.ArrayTerm(a.location(), hoistAll(a.elements(), steps));
      case Term.SetTerm s -> new Term.SetTerm(s.location(), hoistAll(s.elements(), steps));
      case Term.ObjectTerm o -> {
        List<Term.ObjectTerm.Item> items = new ArrayList<>();
        for (Term.ObjectTerm.Item i : o.items()) {
          items.add(new Term.ObjectTerm.Item(hoist(i.key(), steps), hoist(i.value(), steps)));
        }
        yield new Term.ObjectTerm(o.location(), items);
      }
      case Term.TemplateString ts -> {
        List<Literal> parts = new ArrayList<>(ts.parts().size());
        for (Literal part : ts.parts()) {
          parts.add(part.withs().isEmpty() && part.expr() instanceof Expr.TermExpr e
              ? new Literal(part.location(), false, new Expr.TermExpr(e.location(), hoist(e.term(), steps)), List.of())
              : part);
        }
        yield new Term.TemplateString(ts.location(), parts, ts.raw());
      }
      default -> t;
    };
  }

  private List<Term> hoistAll(List<Term> ts, List<Step> steps) {
    List<Term> out = new ArrayList<>(ts.size());
    for (Term t : ts) {
      out.add(hoist(t, steps));
    }
    return out;
  }

  /** Hoists enumerating refs inside a ref's head and keys; composite keys stay patterns. */
  private Term.Ref hoistInside(Term.Ref r, List<Step> steps) {
    Term head = r.head() instanceof Term.Var ? r.head() : hoist(r.head(), steps);
    List<Term> path = new ArrayList<>();
    for (Term k : r.path()) {
      path.add(k instanceof Term.Ref || k instanceof Term.Call ? hoist(k, steps) : k);
    }
    return new Term.Ref(r.location(), head, path);
  }

  /** Binds a fresh temp to each value of an enumerating term; the temp stands for it from now on. */
  private Term toTemp(Term t, List<Step> steps) {
    Term.Var temp = new Term.Var(t.location(), "$t" + (++temps));
    Pattern p = pattern(temp);
    if (t instanceof Term.Call c) {
      steps.add(new Steps.Relation(relationCall(c, steps), p));
    } else {
      steps.add(enumerate((Term.Ref) t, p));
    }
    return temp;
  }

  private boolean enumeratesTop(Term t) {
    return t instanceof Term.Ref r ? enumerates(r) : t instanceof Term.Call c && isRelation(c);
  }

  /** A ref enumerates when one of its keys still has an unbound var. */
  private boolean enumerates(Term.Ref r) {
    for (Term k : r.path()) {
      if (!ground(k)) {
        return true;
      }
    }
    return false;
  }

  private boolean isRelation(Term.Call c) {
    Builtin b = program.builtins.get(Names.of(c.operator()));
    return b != null && b.relation() && !program.functions.containsKey(Names.of(c.operator()));
  }

  private BuiltinCall relationCall(Term.Call c, List<Step> steps) {
    Builtin b = program.builtins.get(Names.of(c.operator()));
    ValueFn[] args = new ValueFn[c.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = fn(hoist(c.args().get(i), steps));
    }
    return new BuiltinCall(b, args, c.location());
  }

  /** An enumeration of a ref: ground leading keys are walked directly, the rest iterated. */
  private Step enumerate(Term.Ref r, Pattern target) {
    List<Term> path = r.path();
    int firstOpen = 0;
    while (firstOpen < path.size() && ground(path.get(firstOpen))) {
      firstOpen++;
    }
    ValueFn head = refFn(r.head(), path.subList(0, firstOpen), r.location());
    List<Steps.Key> keys = new ArrayList<>();
    for (Term k : path.subList(firstOpen, path.size())) {
      keys.add(ground(k) ? new Steps.Key(fn(k), null) : new Steps.Key(null, pattern(k)));
    }
    return new Steps.Enumerate(head, keys.toArray(new Steps.Key[0]), target);
  }

  // ---------------------------------------------------------------- patterns

  private boolean bindable(Term t) {
    return ground(t)
        || switch (t) {
          case Term.Var v -> true;
          case Term.ArrayTerm a -> a.elements().stream().allMatch(this::bindable);
          case Term.ObjectTerm o -> o.items().stream().allMatch(i -> bindable(i.value()));
          default -> false;
        };
  }

  private Pattern pattern(Term t) {
    if (ground(t)) {
      return new Pattern.Ground(fn(t));
    }
    return switch (t) {
      case Term.Var v -> {
        bound.add(v.name());
        yield new Pattern.Var(slot(v.name()));
      }
      case Term.ArrayTerm a -> {
        Pattern[] elements = new Pattern[a.elements().size()];
        for (int i = 0; i < elements.length; i++) {
          elements[i] = pattern(a.elements().get(i));
        }
        yield new Pattern.Array(elements);
      }
      case Term.ObjectTerm o -> {
        ValueFn[] keys = new ValueFn[o.items().size()];
        Pattern[] values = new Pattern[keys.length];
        for (int i = 0; i < keys.length; i++) {
          keys[i] = fn(o.items().get(i).key());
          values[i] = pattern(o.items().get(i).value());
        }
        yield new Pattern.Object(keys, values);
      }
      default -> throw planError(t.location(), "cannot bind variables of " + t + ": not a pattern");
    };
  }

  private boolean ground(Term t) {
    Set<String> vars = new LinkedHashSet<>();
    Vars.collect(t, bound, vars);
    return bound.containsAll(vars);
  }

  private int slot(String var) {
    return slots.computeIfAbsent(var, k -> slots.size());
  }

  // ---------------------------------------------------------------- ground terms

  /** The evaluator of a term whose vars are all bound. */
  ValueFn fn(Term t) {
    Value constant = Conditions.constant(t);
    if (constant != null) {
      return (ev, f) -> constant;
    }
    return switch (t) {
      case Term.Scalar s -> (ev, f) -> s.value();
      case Term.Var v -> varFn(v.name());
      case Term.Ref r -> refFn(r.head(), r.path(), r.location());
      case Term.ArrayTerm a -> {
        ValueFn[] e = fns(a.elements());
        yield (ev, f) -> {
          Value[] out = Calls.operands(ev, f, e);
          return out == null ? null : ArrayValue.wrap(out);
        };
      }
      case Term.SetTerm s -> {
        ValueFn[] e = fns(s.elements());
        yield (ev, f) -> {
          Value[] out = Calls.operands(ev, f, e);
          return out == null ? null : SetValue.of(out);
        };
      }
      case Term.ObjectTerm o -> {
        ValueFn[] keys = new ValueFn[o.items().size()];
        ValueFn[] values = new ValueFn[keys.length];
        for (int i = 0; i < keys.length; i++) {
          keys[i] = fn(o.items().get(i).key());
          values[i] = fn(o.items().get(i).value());
        }
        yield (ev, f) -> {
          ObjectValue.Builder b = ObjectValue.builder();
          for (int i = 0; i < keys.length; i++) {
            Value k = keys[i].eval(ev, f);
            Value v = values[i].eval(ev, f);
            if (k == null || v == null) {
              return null;
            }
            b.put(k, v);
          }
          return b.build();
        };
      }
      case Term.Call c -> call(c);
      case Term.ArrayComprehension c -> comprehension(Comprehension.Kind.ARRAY, c.body(), c.head(), null, c.location());
      case Term.SetComprehension c -> comprehension(Comprehension.Kind.SET, c.body(), c.head(), null, c.location());
      case Term.ObjectComprehension c -> comprehension(Comprehension.Kind.OBJECT, c.body(), c.key(), c.value(), c.location());
      case Term.TemplateString ts -> template(ts);
    };
  }

  private ValueFn[] fns(List<Term> ts) {
    ValueFn[] out = new ValueFn[ts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fn(ts.get(i));
    }
    return out;
  }

  private ValueFn varFn(String name) {
    return switch (name) {
      case "input" -> (ev, f) -> ev.input;
      case "data" -> (ev, f) -> DataAccess.get(ev, new Value[0]);
      default -> {
        int slot = slot(name);
        yield (ev, f) -> f[slot];
      }
    };
  }

  /** A ref with ground keys: the head's value walked along the keys. */
  private ValueFn refFn(Term head, List<Term> path, Location loc) {
    if (head instanceof Term.Var v && v.name().equals("data")) {
      List<Value> staticKeys = Names.groundPrefix(path);
      DataRef ref = program.dataRef(staticKeys.toArray(new Value[0]));
      if (staticKeys.size() == path.size()) {
        return (ev, f) -> ref.get(ev);
      }
      ValueFn[] rest = fns(path.subList(staticKeys.size(), path.size()));
      return (ev, f) -> ref.get(ev, f, rest);
    }
    ValueFn base = fn(head);
    if (path.isEmpty()) {
      return base;
    }
    List<Value> staticKeys = Names.groundPrefix(path);
    if (staticKeys.size() == path.size()) {
      Value[] p = staticKeys.toArray(new Value[0]);
      return (ev, f) -> Docs.walk(base.eval(ev, f), p, 0, p.length);
    }
    ValueFn[] keys = fns(path);
    return (ev, f) -> {
      Value v = base.eval(ev, f);
      for (int i = 0; i < keys.length && v != null; i++) {
        Value k = keys[i].eval(ev, f);
        v = k == null ? null : Docs.child(v, k);
      }
      return v;
    };
  }

  private ValueFn call(Term.Call c) {
    String name = Names.of(c.operator());
    ValueFn[] args = fns(c.args());
    FunctionSet function = program.functions.get(name);
    if (function != null) {
      return new FunctionCall(function, args, c.location());
    }
    switch (name) {
      case "internal.member_2" -> {
        return (ev, f) -> {
          Value x = args[0].eval(ev, f);
          Value coll = args[1].eval(ev, f);
          return x == null || coll == null ? null : BooleanValue.of(Membership.contains(coll, x));
        };
      }
      case "internal.member_3" -> {
        return (ev, f) -> {
          Value k = args[0].eval(ev, f);
          Value x = args[1].eval(ev, f);
          Value coll = args[2].eval(ev, f);
          return k == null || x == null || coll == null ? null : BooleanValue.of(Membership.contains(coll, k, x));
        };
      }
      case "equal" -> {
        if (args.length == 2) {
          return (ev, f) -> {
            Value x = args[0].eval(ev, f);
            Value y = args[1].eval(ev, f);
            return x == null || y == null ? null : BooleanValue.of(x.equals(y));
          };
        }
      }
      case "rego.metadata.rule" -> {
        Value v = rule == null ? ObjectValue.EMPTY : RuleMetadata.rule(rule);
        return (ev, f) -> v;
      }
      case "rego.metadata.chain" -> {
        Value v = rule == null ? ArrayValue.of() : RuleMetadata.chain(rule, program.compiled.modules());
        return (ev, f) -> v;
      }
      case "neq" -> {
        if (args.length == 2) {
          return (ev, f) -> {
            Value x = args[0].eval(ev, f);
            Value y = args[1].eval(ev, f);
            return x == null || y == null ? null : BooleanValue.of(!x.equals(y));
          };
        }
      }
      default -> {}
    }
    Builtin b = program.builtins.get(name);
    if (b == null) {
      throw planError(c.location(), "undefined function " + name);
    }
    return new BuiltinCall(b, args, c.location());
  }

  private ValueFn comprehension(Comprehension.Kind kind, Body body, Term head, Term value, Location loc) {
    Set<String> outside = bound;
    bound = new LinkedHashSet<>(outside);
    try {
      Step steps = body(body, new Step.Yield());
      ValueFn h = fn(head);
      ValueFn v = value == null ? null : fn(value);
      return new Comprehension(kind, steps, h, v, loc);
    } finally {
      bound = outside;
    }
  }

  private ValueFn template(Term.TemplateString ts) {
    ValueFn[] parts = new ValueFn[ts.parts().size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = templatePart(ts.parts().get(i));
    }
    return (ev, f) -> {
      StringBuilder sb = new StringBuilder();
      for (ValueFn p : parts) {
        Value v = p.eval(ev, f);
        if (v == null) {
          sb.append("<undefined>");
        } else if (v instanceof StringValue s) {
          sb.append(s.value());
        } else {
          sb.append(v.toRego());
        }
      }
      return StringValue.of(sb.toString());
    };
  }

  /**
   * A part with {@code with} modifiers runs as a one-literal closure, so the modifiers apply to it
   * alone; its first value is the part's value.
   */
  private ValueFn templatePart(Literal part) {
    Term term = ((Expr.TermExpr) part.expr()).term();
    if (part.withs().isEmpty()) {
      return fn(term);
    }
    Term.Var temp = new Term.Var(part.location(), "$t" + (++temps));
    ValueFn values = comprehension(Comprehension.Kind.ARRAY, binding(temp, term, part.withs()), temp, null, part.location());
    return (ev, f) -> values.eval(ev, f) instanceof ArrayValue a && a.size() > 0 ? a.get(0) : null;
  }

  /** The one-literal body {@code v = term with …}. */
  private Body binding(Term.Var v, Term term, List<With> withs) {
    Location loc = term.location();
    Term.Call eq = new Term.Call(loc, op(loc, "eq"), List.of(v, term));
    return new Body(loc, List.of(new Literal(loc, false, new Expr.TermExpr(loc, eq), withs)));
  }

  private static RegoException planError(Location loc, String message) {
    return new RegoException(new RegoError(RegoError.COMPILE, message, loc));
  }
}
