package dev.verdict.compiler;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Head;
import dev.verdict.ast.Import;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.error.RegoError;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns names into full refs: a var naming a rule of the package becomes {@code data.pkg.name},
 * an import alias becomes the imported ref, and calls of package functions or imported functions
 * get their full {@code data.…} operator. Locally declared names ({@code :=}, {@code some},
 * function arguments, {@code every} vars) shadow rules and imports in their scope.
 */
final class ResolveRefs implements Stage {

  @Override
  public String name() {
    return "resolve_refs";
  }

  @Override
  public void run(CompileState state) {
    Map<List<Value>, Set<String>> rulesByPackage = new HashMap<>();
    for (Module m : state.modules()) {
      Set<String> names = rulesByPackage.computeIfAbsent(packagePath(m), k -> new HashSet<>());
      for (Rule r : m.rules()) {
        names.add(((Term.Var) r.head().ref().head()).name());
      }
    }
    List<Module> out = new ArrayList<>();
    for (Module m : state.modules()) {
      out.add(resolve(m, rulesByPackage.getOrDefault(packagePath(m), Set.of()), state));
    }
    state.modules(out);
  }

  static List<Value> packagePath(Module m) {
    return Names.groundPrefix(m.pkg().path().path());
  }

  private Module resolve(Module m, Set<String> ruleNames, CompileState state) {
    Map<String, Term.Ref> aliases = new HashMap<>();
    for (Import imp : m.imports()) {
      Term.Ref path = imp.path();
      String root = ((Term.Var) path.head()).name();
      if (root.equals("future") || root.equals("rego")) {
        continue;
      }
      if (!root.equals("data") && !root.equals("input")) {
        state.error(RegoError.COMPILE, imp.location(), "invalid path " + Names.of(path) + ": path must begin with input or data");
        continue;
      }
      String alias = imp.alias();
      if (alias == null) {
        if (path.path().isEmpty()) {
          continue; // import data / import input: the root itself
        }
        Term last = path.path().get(path.path().size() - 1);
        if (!(last instanceof Term.Scalar s && s.value() instanceof StringValue str)) {
          state.error(RegoError.COMPILE, imp.location(), "import path must end with a name, or have an alias");
          continue;
        }
        alias = str.value();
      }
      if (aliases.put(alias, path) != null) {
        state.error(RegoError.COMPILE, imp.location(), "import must not shadow import " + alias);
      }
    }
    Term.Ref pkg = m.pkg().path();
    List<Rule> rules = new ArrayList<>();
    for (Rule r : m.rules()) {
      rules.add(new Resolver(aliases, ruleNames, pkg, state.builtins()).rule(r));
    }
    return new Module(m.file(), m.version(), m.pkg(), m.imports(), rules, m.annotations(), m.comments());
  }

  /** Rewrites one rule, tracking the names declared in each enclosing scope. */
  private static final class Resolver extends AstRewriter {
    private final Map<String, Term.Ref> aliases;
    private final Set<String> ruleNames;
    private final Term.Ref pkg;
    private final BuiltinRegistry builtins;
    private final Deque<Set<String>> scopes = new ArrayDeque<>();

    Resolver(Map<String, Term.Ref> aliases, Set<String> ruleNames, Term.Ref pkg, BuiltinRegistry builtins) {
      this.aliases = aliases;
      this.ruleNames = ruleNames;
      this.pkg = pkg;
      this.builtins = builtins;
    }

    Rule rule(Rule r) {
      Set<String> declared = new HashSet<>(Declarations.ofArgs(r.head().args()));
      declared.addAll(Declarations.of(r.body()));
      scopes.push(declared);
      Head h = r.head();
      Term.Ref ref = h.ref();
      List<Term> suffix = terms(ref.path());
      Head head =
          new Head(
              h.location(),
              suffix == ref.path() ? ref : new Term.Ref(ref.location(), ref.head(), suffix),
              h.args() == null ? null : terms(h.args()),
              h.key() == null ? null : term(h.key()),
              h.value() == null ? null : term(h.value()),
              h.assign());
      Body body = body(r.body());
      scopes.pop();
      Rule elseRule = r.elseRule() == null ? null : rule(withArgs(r.elseRule(), r.head().args()));
      return new Rule(r.location(), r.isDefault(), head, body, elseRule, r.annotations());
    }

    /** else branches share the function's arguments. */
    private static Rule withArgs(Rule r, List<Term> args) {
      if (args == null || r.head().args() != null) {
        return r;
      }
      Head h = r.head();
      return new Rule(r.location(), r.isDefault(), new Head(h.location(), h.ref(), args, h.key(), h.value(), h.assign()), r.body(), r.elseRule(), r.annotations());
    }

    private boolean declared(String name) {
      for (Set<String> s : scopes) {
        if (s.contains(name)) {
          return true;
        }
      }
      return false;
    }

    /** The full ref a free name stands for, or null when it is a local or builtin name. */
    private Term.Ref resolveName(String name, dev.verdict.ast.Location loc) {
      if (Vars.isRoot(name) || declared(name)) {
        return null;
      }
      Term.Ref alias = aliases.get(name);
      if (alias != null) {
        return new Term.Ref(loc, new Term.Var(loc, ((Term.Var) alias.head()).name()), alias.path());
      }
      if (ruleNames.contains(name)) {
        List<Term> path = new ArrayList<>(pkg.path());
        path.add(Names.string(loc, name));
        return new Term.Ref(loc, new Term.Var(loc, "data"), path);
      }
      return null;
    }

    @Override
    protected Term var(Term.Var v) {
      Term.Ref r = resolveName(v.name(), v.location());
      return r == null ? v : r;
    }

    @Override
    protected Term ref(Term.Ref r, Term head, List<Term> path) {
      if (head instanceof Term.Ref resolved) {
        List<Term> full = new ArrayList<>(resolved.path());
        full.addAll(path);
        return new Term.Ref(r.location(), resolved.head(), full);
      }
      return super.ref(r, head, path);
    }

    @Override
    public Term term(Term t) {
      if (t instanceof Term.Call c) {
        List<Term> args = terms(c.args());
        return new Term.Call(c.location(), operator(c.operator()), args);
      }
      return super.term(t);
    }

    private Term.Ref operator(Term.Ref op) {
      if (!(op.head() instanceof Term.Var v)) {
        return op;
      }
      Term.Ref r = resolveName(v.name(), v.location());
      if (r == null) {
        return op;
      }
      List<Term> full = new ArrayList<>(r.path());
      full.addAll(op.path());
      return new Term.Ref(op.location(), r.head(), full);
    }

    @Override
    protected Term comprehension(Term c) {
      Body body = switch (c) {
        case Term.ArrayComprehension a -> a.body();
        case Term.SetComprehension s -> s.body();
        case Term.ObjectComprehension o -> o.body();
        default -> throw new IllegalArgumentException();
      };
      scopes.push(Declarations.of(body));
      try {
        return super.comprehension(c);
      } finally {
        scopes.pop();
      }
    }

    @Override
    protected Expr every(Expr.Every ev) {
      Term domain = term(ev.domain());
      Set<String> declared = new HashSet<>(Declarations.of(ev.body()));
      if (ev.key() != null) {
        Declarations.patternVars(ev.key(), declared);
      }
      Declarations.patternVars(ev.value(), declared);
      scopes.push(declared);
      try {
        Body b = body(ev.body());
        return new Expr.Every(ev.location(), ev.key(), ev.value(), domain, b);
      } finally {
        scopes.pop();
      }
    }

    @Override
    public Expr expr(Expr e) {
      if (e instanceof Expr.SomeIn s) {
        return new Expr.SomeIn(s.location(), s.key(), s.value(), term(s.collection()));
      }
      if (e instanceof Expr.TermExpr t && t.term() instanceof Term.Call c && Declarations.isAssign(c)) {
        // The target of := is a declaration, never a rule or an import.
        Term.Call call = new Term.Call(c.location(), c.operator(), List.of(c.args().get(0), term(c.args().get(1))));
        return new Expr.TermExpr(t.location(), call);
      }
      return super.expr(e);
    }

    @Override
    protected With with(With w) {
      Term target = w.target();
      if (target instanceof Term.Ref r && r.head() instanceof Term.Var v) {
        Term.Ref resolved = resolveName(v.name(), v.location());
        if (resolved != null) {
          List<Term> full = new ArrayList<>(resolved.path());
          full.addAll(r.path());
          target = new Term.Ref(r.location(), resolved.head(), full);
        }
      } else if (target instanceof Term.Var v) {
        Term.Ref resolved = resolveName(v.name(), v.location());
        if (resolved != null) {
          target = resolved;
        }
      }
      return new With(w.location(), target, withValue(w.value()));
    }

    /** A with-value naming a builtin ({@code with count as object.union_n}) is no var: it becomes a builtin ref. */
    private Term withValue(Term value) {
      Term resolved = term(value);
      Term.Ref ref = resolved instanceof Term.Var v ? new Term.Ref(v.location(), v, List.of()) : resolved instanceof Term.Ref r ? r : null;
      if (ref == null || !(ref.head() instanceof Term.Var v) || declared(v.name()) || Vars.isRoot(v.name())) {
        return resolved;
      }
      String name = Names.of(ref);
      return builtins.get(name) == null ? resolved : Names.builtinRef(value.location(), name);
    }
  }
}
