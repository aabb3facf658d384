package dev.verdict.parser;

import static dev.verdict.parser.antlr.RegoParser.*;

import dev.verdict.ast.Body;
import dev.verdict.ast.Comment;
import dev.verdict.ast.Head;
import dev.verdict.ast.Import;
import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.Node;
import dev.verdict.ast.Package;
import dev.verdict.ast.RegoVersion;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.StringValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds a module: package, imports and rules, with OPA's rules for reading heads (v0's
 * {@code p[x] { … }} is a multi-value rule, v1's {@code p[x] if …} a single-value one), its
 * checks on default rules, {@code else} and imports, and v1's {@code if}/{@code contains}
 * requirements.
 */
final class ModuleBuilder {

  private static final Set<String> V0_KEYWORDS =
      Set.of("package", "import", "as", "default", "else", "not", "some", "with", "true", "false", "null");
  private static final Set<String> FUTURE_KEYWORDS = Set.of("contains", "every", "if", "in");

  private final String file;
  private final Errors errors;
  private final TermBuilder terms;
  private final RegoVersion version;
  private final List<Node> statements = new ArrayList<>();
  private final List<Import> imports = new ArrayList<>();
  private Package pkg;

  ModuleBuilder(String file, Errors errors, TermBuilder terms, RegoVersion version) {
    this.file = file;
    this.errors = errors;
    this.terms = terms;
    this.version = version;
  }

  /** Adds one statement; called in source order, as each is parsed. */
  void add(StatementContext statement) {
    switch (statement) {
      case PackageDeclContext p -> {
        Package built = packageDecl(p);
        if (statements.isEmpty()) {
          pkg = built;
        } else {
          errors.add(built.location(), "unexpected package");
        }
        statements.add(built);
      }
      case ImportDeclContext i -> {
        Import built = importDecl(i);
        imports.add(built);
        statements.add(built);
      }
      case DefaultRuleContext d -> statements.add(defaultRule(d));
      case RuleDeclContext r -> statements.addAll(rules(r));
      default -> throw new IllegalStateException("unknown statement " + statement.getClass().getSimpleName());
    }
  }

  Module build(List<Comment> comments) {
    if (statements.isEmpty()) {
      errors.add(new Location(file, 1, 1), "empty module");
    } else if (pkg == null) {
      errors.add(statements.getFirst().location(), "package expected");
    }
    Metadata.Attached metadata = Metadata.attach(comments, statements, errors);
    List<Rule> rules = new ArrayList<>();
    for (Node statement : statements) {
      if (statement instanceof Rule rule) {
        rules.add(metadata.withAnnotations(rule));
      }
    }
    return new Module(file, version, pkg, imports, rules, metadata.module(), comments);
  }

  // ---------------------------------------------------------------- package and imports

  private Package packageDecl(PackageDeclContext ctx) {
    Term.Ref path = path(ctx.refTerm());
    Term.Var root = (Term.Var) path.head();
    List<Term> elements = new ArrayList<>();
    elements.add(new Term.Scalar(root.location(), StringValue.of(root.name())));
    elements.addAll(path.path());
    return new Package(terms.at(ctx), new Term.Ref(root.location(), new Term.Var(root.location(), "data"), elements));
  }

  private Import importDecl(ImportDeclContext ctx) {
    Term.Ref path = path(ctx.refTerm());
    String alias = ctx.IDENT() == null ? null : ctx.IDENT().getText();
    String root = ((Term.Var) path.head()).name();
    switch (root) {
      case "data", "input" -> {}
      case "future" -> checkFutureImport(path, alias);
      case "rego" -> checkRegoImport(path, alias);
      default -> errors.add(path.location(), "unexpected import path, must begin with one of: {data, future, input, rego}, got: " + root);
    }
    if (alias == null && !root.equals("future")) {
      Term last = path.path().isEmpty() ? path.head() : path.path().getLast();
      String name = path.path().isEmpty() ? root : text(last);
      if (V0_KEYWORDS.contains(name) || version == RegoVersion.V1 && FUTURE_KEYWORDS.contains(name)) {
        errors.add(last.location(), "unexpected import path, must not end with a keyword, got: " + name);
      }
    }
    return new Import(terms.at(ctx), path, alias);
  }

  /** A package or import path: a variable followed by strings. */
  private Term.Ref path(RefTermContext ctx) {
    Term term = terms.refTerm(ctx);
    Term.Ref ref = term instanceof Term.Ref r ? r : new Term.Ref(term.location(), term, List.of());
    if (!(ref.head() instanceof Term.Var)) {
      errors.add(ref.location(), "unexpected " + TermBuilder.typeName(ref.head()) + " token: expecting var");
      return new Term.Ref(ref.location(), new Term.Var(ref.location(), "$invalid"), List.of()); // never returned: errors are thrown
    }
    for (Term element : ref.path()) {
      if (!(element instanceof Term.Scalar s && s.value() instanceof StringValue)) {
        errors.add(element.location(), "unexpected " + TermBuilder.typeName(element) + " token: expecting string");
      }
    }
    return ref;
  }

  private static String text(Term element) {
    return element instanceof Term.Scalar s && s.value() instanceof StringValue str ? str.value() : "";
  }

  private static String render(Term.Ref path) {
    return ((Term.Var) path.head()).name()
        + path.path().stream().map(e -> "." + text(e)).collect(Collectors.joining());
  }

  private void checkFutureImport(Term.Ref path, String alias) {
    List<Term> p = path.path();
    if (p.isEmpty() || !text(p.getFirst()).equals("keywords")) {
      errors.add(path.location(), "invalid import, must be `future.keywords`");
    } else if (alias != null) {
      errors.add(path.location(), "`future` imports cannot be aliased");
    } else if (p.size() > 2) {
      errors.add(path.location(), "invalid import, must be `future.keywords.x`, e.g. `import future.keywords.in`");
    } else if (p.size() == 2 && !FUTURE_KEYWORDS.contains(text(p.get(1))) && !text(p.get(1)).equals("not")) {
      // `not` is accepted because newer OPA takes it (its negated bodies); here it changes nothing.
      errors.add(path.location(), "unexpected keyword, must be one of [contains every if in]");
    }
  }

  private void checkRegoImport(Term.Ref path, String alias) {
    if (!render(path).equals("rego.v1")) {
      errors.add(path.location(), "invalid import `" + render(path) + "`, must be `rego.v1`");
    } else if (alias != null) {
      errors.add(path.location(), "`rego` imports cannot be aliased");
    }
  }

  // ---------------------------------------------------------------- rules

  /** A head and whether its value was left out (and so is {@code true}). */
  private record BuiltHead(Head head, boolean valueOmitted) {}

  private BuiltHead head(RuleHeadContext ctx, boolean hasIf) {
    Location at = terms.at(ctx);
    Term written = terms.suffixes(terms.var(ctx.headRef().IDENT().getSymbol()), ctx.headRef().getRuleContexts(ParserRuleContext.class));
    List<Term> args = null;
    if (written instanceof Term.Call call) {
      args = call.args();
      written = call.operator();
    }
    Term.Ref ref = written instanceof Term.Ref r ? r : new Term.Ref(written.location(), written, List.of());
    if (!(ref.head() instanceof Term.Var name)) {
      errors.add(at, "invalid rule head");
      return new BuiltHead(new Head(at, ref, args, null, truth(at), false), true);
    }
    if (ctx.CONTAINS() != null) {
      if (args != null) {
        Token keyword = ctx.CONTAINS().getSymbol();
        errors.add(keyword, "unexpected contains keyword: the contains keyword can only be used with multi-value rule "
            + "definitions (e.g., " + name.name() + " contains <VALUE> { ... })");
      }
      return new BuiltHead(new Head(at, ref, null, terms.kvTerm(ctx.kvTerm()), null, false), false);
    }
    Term value = ctx.op == null ? null : terms.kvTerm(ctx.kvTerm());
    if (value == null && args == null && ref.path().size() == 1 && !hasIf) {
      // v0's `p[x] { … }`: a multi-value rule p holding x (v1 reads `p[x] if …` as p[x] = true).
      Term.Ref set = new Term.Ref(ref.location(), name, List.of());
      return new BuiltHead(new Head(at, set, null, ref.path().getFirst(), null, false), false);
    }
    boolean assign = ctx.op != null && ctx.op.getType() == ASSIGN;
    return new BuiltHead(new Head(at, ref, args, null, value == null ? truth(at) : value, assign), value == null);
  }

  private static Term truth(Location at) {
    return new Term.Scalar(at, BooleanValue.TRUE);
  }

  private Rule defaultRule(DefaultRuleContext ctx) {
    Location at = terms.at(ctx);
    Head head = head(ctx.ruleHead(), false).head();
    if (head.value() == null) {
      errors.add(at, "illegal default rule (must have a value)");
    } else {
      checkDefaultValue(at, head.value());
    }
    if (head.isFunction()) {
      Set<String> seen = new HashSet<>();
      for (Term arg : head.args()) {
        if (!(arg instanceof Term.Var var)) {
          errors.add(at, "illegal default rule (arguments cannot contain " + TermBuilder.typeName(arg) + ")");
        } else if (!seen.add(var.name())) {
          errors.add(at, "illegal default rule (arguments cannot be repeated " + var.name() + ")");
        }
      }
    }
    return new Rule(at, true, head, terms.trueBody(at), null, List.of());
  }

  /** A default value is a constant: no variables, refs or calls outside comprehensions. */
  private void checkDefaultValue(Location at, Term value) {
    switch (value) {
      case Term.Var v -> errors.add(at, "illegal default rule (value cannot contain var)");
      case Term.Ref r -> errors.add(at, "illegal default rule (value cannot contain ref)");
      case Term.Call c -> errors.add(at, "illegal default rule (value cannot contain call)");
      case Term.ArrayTerm a -> a.elements().forEach(e -> checkDefaultValue(at, e));
      case Term.SetTerm s -> s.elements().forEach(e -> checkDefaultValue(at, e));
      case Term.ObjectTerm o -> o.items().forEach(i -> {
        checkDefaultValue(at, i.key());
        checkDefaultValue(at, i.value());
      });
      case Term.TemplateString t -> t.parts().forEach(p -> {
        if (p.expr() instanceof dev.verdict.ast.Expr.TermExpr e) {
          checkDefaultValue(at, e.term());
        }
      });
      default -> {} // scalars, and comprehensions, which close over their own variables
    }
  }

  /** One rule, or several for v0's {@code p { a } { b }}: the same head with each body. */
  private List<Rule> rules(RuleDeclContext ctx) {
    Location at = terms.at(ctx);
    RuleBodyContext first = ctx.ruleBody();
    boolean hasIf = first != null && first.IF() != null;
    boolean hasContains = ctx.ruleHead().CONTAINS() != null;
    BuiltHead built = head(ctx.ruleHead(), hasIf);
    Head head = built.head();
    if (first == null) {
      if (built.valueOmitted() && head.ref().path().isEmpty() && !head.isFunction()) {
        errors.add(at, "var cannot be used for rule name");
      } else if (version == RegoVersion.V1 && built.valueOmitted() && !head.isFunction()) {
        errors.add(at, "rule must have value assignment and/or body declaration");
      }
      checkV1(at, head, false, hasContains);
      return List.of(new Rule(at, false, head, terms.trueBody(head.location()), null, List.of()));
    }
    checkV1(at, head, !hasIf, hasContains);
    Body body = body(first);
    Rule elseRule = elseChain(ctx.elseClause(), head);
    List<Rule> rules = new ArrayList<>();
    rules.add(new Rule(at, false, head, body, elseRule, List.of()));
    for (BraceBodyContext more : ctx.braceBody()) {
      Location bodyAt = terms.at(more);
      checkV1(bodyAt, head, !hasIf, hasContains);
      rules.add(new Rule(bodyAt, false, head, terms.body(more.body()), null, List.of()));
    }
    return rules;
  }

  private Body body(RuleBodyContext ctx) {
    if (ctx.braceBody() != null) {
      return terms.body(ctx.braceBody().body());
    }
    return new Body(terms.at(ctx.literal()), List.of(terms.literal(ctx.literal())));
  }

  /** v1 wants {@code if} before every body and {@code contains} for every multi-value rule. */
  private void checkV1(Location at, Head head, boolean bodyWithoutIf, boolean hasContains) {
    if (version != RegoVersion.V1) {
      return;
    }
    if (bodyWithoutIf) {
      errors.add(at, "`if` keyword is required before " + (head.isFunction() ? "function" : "rule") + " body");
    }
    if (head.isMultiValue() && !hasContains) {
      errors.add(at, "`contains` keyword is required for partial set rules");
    }
  }

  private Rule elseChain(List<ElseClauseContext> clauses, Head parent) {
    if (clauses.isEmpty()) {
      return null;
    }
    Token keyword = clauses.getFirst().ELSE().getSymbol();
    if (!parent.ref().path().stream().allMatch(ModuleBuilder::ground)) {
      errors.add(keyword, "else keyword cannot be used on rules with variables in head");
    } else if (parent.isMultiValue()) {
      errors.add(keyword, "else keyword cannot be used on multi-value rules");
    }
    List<Head> heads = new ArrayList<>();
    List<Body> bodies = new ArrayList<>();
    for (ElseClauseContext clause : clauses) {
      Location at = terms.at(clause);
      Term value = clause.op == null ? truth(at) : terms.kvTerm(clause.kvTerm());
      boolean assign = clause.op == null ? parent.assign() : clause.op.getType() == ASSIGN;
      Head head = new Head(at, parent.ref(), parent.args(), null, value, assign);
      RuleBodyContext body = clause.ruleBody();
      checkV1(at, head, body != null && body.IF() == null, false);
      heads.add(head);
      bodies.add(body == null ? terms.trueBody(at) : body(body));
    }
    Rule next = null;
    for (int i = clauses.size() - 1; i >= 0; i--) {
      next = new Rule(heads.get(i).location(), false, heads.get(i), bodies.get(i), next, List.of());
    }
    return next;
  }

  private static boolean ground(Term term) {
    return switch (term) {
      case Term.Scalar s -> true;
      case Term.ArrayTerm a -> a.elements().stream().allMatch(ModuleBuilder::ground);
      case Term.SetTerm s -> s.elements().stream().allMatch(ModuleBuilder::ground);
      case Term.ObjectTerm o -> o.items().stream().allMatch(i -> ground(i.key()) && ground(i.value()));
      default -> false;
    };
  }
}
