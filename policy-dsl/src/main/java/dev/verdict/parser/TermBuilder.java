package dev.verdict.parser;

import static dev.verdict.parser.antlr.RegoParser.*;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Location;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds bodies, literals and terms from the parse tree. Operators become calls named as in OPA;
 * wildcards become fresh {@code $_N} variables, numbered across everything this builder builds.
 */
final class TermBuilder {

  /** Decimal digits before or after the point beyond which OPA rejects a number ("number too big"). */
  private static final int MAX_MAGNITUDE = 30_103;

  private final Errors errors;
  private final List<Token> tokens;
  /** Bracket depth at each token. */
  private final int[] nesting;
  /** One location per token: the nodes that start at a token (a literal, its call, its first term) share it. */
  private final Location[] locations;
  /** Names repeat throughout a module (input, user, …): each is kept once. */
  private final Map<String, StringValue> names = new HashMap<>();
  private int wildcards;
  /** Operators of the chains around the term being built: each nests the AST one level deeper. */
  private int chained;

  TermBuilder(Errors errors, TokenPass.Lexed lexed) {
    this.errors = errors;
    this.tokens = lexed.tokens();
    this.nesting = lexed.nesting();
    this.locations = new Location[tokens.size()];
  }

  Location at(Token token) {
    int i = token.getTokenIndex();
    if (locations[i] == null) {
      locations[i] = errors.at(token);
    }
    return locations[i];
  }

  Location at(ParserRuleContext ctx) {
    return at(ctx.getStart());
  }

  // ---------------------------------------------------------------- bodies and literals

  Body body(BodyContext ctx) {
    List<Literal> literals = new ArrayList<>();
    Token previousEnd = null;
    boolean reported = false; // one misplaced literal tends to bring others along on its line
    for (var child : ctx.children) {
      if (child instanceof LiteralContext literal) {
        if (!reported && previousEnd != null && Tokens.endLine(previousEnd) == literal.getStart().getLine()) {
          errors.add(literal.getStart(), "unexpected " + Tokens.describe(literal.getStart()) + ": expected \\n or ;" + closer(ctx));
          reported = true;
        }
        literals.add(literal(literal));
        previousEnd = literal.getStop();
      } else {
        previousEnd = null; // a ';'
      }
    }
    return new Body(literals.getFirst().location(), literals);
  }

  private String closer(BodyContext ctx) {
    Token after = tokens.get(ctx.getStop().getTokenIndex() + 1);
    return after.getType() == Token.EOF ? "" : " or " + after.getText();
  }

  Body trueBody(Location location) {
    return new Body(location, List.of(termLiteral(location, new Term.Scalar(location, BooleanValue.TRUE))));
  }

  Literal literal(LiteralContext ctx) {
    boolean negated = ctx.NOT() != null;
    Expr expr;
    if (ctx.someDecl() != null) {
      expr = some(ctx.someDecl());
    } else if (ctx.everyDecl() != null) {
      expr = every(ctx.everyDecl());
    } else {
      expr = expr(ctx.expr());
    }
    if (negated && !(expr instanceof Expr.TermExpr)) {
      Token keyword = ctx.getChild(ParserRuleContext.class, 0).getStart();
      errors.add(keyword, "unexpected " + Tokens.describe(keyword) + ": illegal negation of '" + keyword.getText() + "'");
    }
    List<With> withs = new ArrayList<>();
    for (WithClauseContext with : ctx.withClause()) {
      withs.add(with(with));
    }
    return new Literal(at(ctx), negated, expr, withs);
  }

  private static Literal termLiteral(Location location, Term term) {
    return new Literal(location, false, new Expr.TermExpr(location, term), List.of());
  }

  private Expr expr(ExprContext ctx) {
    Term term = kvTerm(ctx.kvTerm(0));
    if (ctx.op != null) {
      term = call(ctx.op, ctx.op.getType() == ASSIGN ? "assign" : "eq", term, kvTerm(ctx.kvTerm(1)));
    }
    return new Expr.TermExpr(at(ctx), term);
  }

  private Expr some(SomeDeclContext ctx) {
    List<Term> terms = new ArrayList<>();
    for (RelTermContext rel : ctx.relTerm()) {
      terms.add(relTerm(rel));
    }
    if (ctx.IN() == null) {
      List<Term.Var> vars = new ArrayList<>();
      for (int i = 0; i < terms.size(); i++) {
        if (terms.get(i) instanceof Term.Var var) {
          vars.add(var);
        } else {
          expected(ctx.relTerm(i).getStart(), "var");
        }
      }
      return new Expr.SomeDecl(at(ctx), vars);
    }
    if (terms.size() > 3) {
      expected(ctx.IN().getSymbol(), "`x in xs` or `x, y in xs` expression");
    }
    Term collection = terms.getLast();
    return terms.size() == 2
        ? new Expr.SomeIn(at(ctx), null, terms.get(0), collection)
        : new Expr.SomeIn(at(ctx), terms.get(0), terms.get(1), collection);
  }

  private Expr every(EveryDeclContext ctx) {
    List<RelTermContext> rels = ctx.relTerm();
    Term key = rels.size() == 3 ? variable(rels.get(0), "key") : null;
    Term value = variable(rels.get(rels.size() - 2), "value");
    Term domain = relTerm(rels.getLast());
    return new Expr.Every(at(ctx), key, value, domain, body(ctx.braceBody().body()));
  }

  private Term variable(RelTermContext ctx, String role) {
    Term term = relTerm(ctx);
    if (!(term instanceof Term.Var)) {
      expected(ctx.getStart(), role + " to be a variable");
    }
    return term;
  }

  private With with(WithClauseContext ctx) {
    Term target = refTerm(ctx.refTerm());
    if (!(target instanceof Term.Ref || target instanceof Term.Var)) {
      expected(ctx.refTerm().getStart(), "with target path");
    }
    return new With(at(ctx), target, kvTerm(ctx.kvTerm()));
  }

  private void expected(Token token, String what) {
    errors.add(token, "unexpected " + Tokens.describe(token) + ": expected " + what);
  }

  // ---------------------------------------------------------------- terms

  Term kvTerm(KvTermContext ctx) {
    return membership(ctx.relTerm(), ctx.IN(), ctx.COMMA() != null);
  }

  Term listTerm(ListTermContext ctx) {
    return membership(ctx.relTerm(), ctx.IN(), false);
  }

  private List<Term> listTerms(List<ListTermContext> list) {
    List<Term> terms = new ArrayList<>(list.size());
    for (ListTermContext ctx : list) {
      terms.add(listTerm(ctx));
    }
    return terms;
  }

  /** {@code a in b in c} nests to the left; {@code k, v in xs} only starts a chain. */
  private Term membership(List<RelTermContext> rels, List<TerminalNode> ins, boolean withKey) {
    if (ins.isEmpty()) {
      return relTerm(rels.get(0));
    }
    enterChain(ins.get(0).getSymbol(), ins.size());
    Term result = relTerm(rels.get(0));
    int first = 1;
    if (withKey) {
      result = call(ins.get(0).getSymbol(), "internal.member_3", result, relTerm(rels.get(1)), relTerm(rels.get(2)));
      first = 3;
    }
    for (int i = first; i < rels.size(); i++) {
      result = call(ins.get(i - first + (withKey ? 1 : 0)).getSymbol(), "internal.member_2", result, relTerm(rels.get(i)));
    }
    chained -= ins.size();
    return result;
  }

  /**
   * Binary operators. The parse tree of {@code a + b + … + z} is as deep as it is long, so its
   * left spine is walked with a loop; right operands bind tighter and nest only as deep as the
   * precedence levels (or the brackets TokenPass bounds).
   */
  Term relTerm(RelTermContext ctx) {
    if (ctx instanceof OperandTermContext operand) {
      return refTerm(operand.refTerm());
    }
    Deque<BinaryTermContext> spine = new ArrayDeque<>();
    RelTermContext left = ctx;
    while (left instanceof BinaryTermContext binary) {
      spine.push(binary);
      left = binary.relTerm(0);
    }
    int length = spine.size();
    enterChain(spine.peek().op, length);
    Term result = refTerm(((OperandTermContext) left).refTerm());
    while (!spine.isEmpty()) {
      BinaryTermContext binary = spine.pop();
      result = call(binary.op, infixName(binary.op.getType()), result, relTerm(binary.relTerm(1)));
    }
    chained -= length;
    return result;
  }

  /**
   * Counts a chain of {@code length} operators, from {@code first}, as that many levels of
   * nesting: with the brackets around it, they are bounded like brackets alone are, since the
   * compiler's and the evaluator's walks recurse through every level.
   */
  private void enterChain(Token first, int length) {
    chained += length;
    int depth = nesting[first.getTokenIndex()] + chained;
    if (depth > TokenPass.MAX_NESTING && depth - length <= TokenPass.MAX_NESTING) {
      errors.add(first, "max parsing recursion depth exceeded (more than " + TokenPass.MAX_NESTING + " nested brackets and chained operators)");
    }
  }

  private static String infixName(int type) {
    return switch (type) {
      case STAR -> "mul";
      case SLASH -> "div";
      case PERCENT -> "rem";
      case PLUS -> "plus";
      case MINUS -> "minus";
      case AMP -> "and";
      case PIPE -> "or";
      case EQ -> "equal";
      case NEQ -> "neq";
      case LT -> "lt";
      case LTE -> "lte";
      case GT -> "gt";
      case GTE -> "gte";
      default -> throw new IllegalStateException("not an infix operator: " + VOCABULARY.getDisplayName(type));
    };
  }

  /** An operator call, located at its left operand as in OPA; the operator name at the operator. */
  private Term call(Token operator, String name, Term... args) {
    Location at = at(operator);
    String[] parts = name.split("\\.");
    List<Term> path = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      path.add(new Term.Scalar(at, StringValue.of(parts[i])));
    }
    Term.Ref ref = new Term.Ref(at, new Term.Var(at, parts[0]), path);
    return new Term.Call(args[0].location(), ref, List.of(args));
  }

  Term refTerm(RefTermContext ctx) {
    Term term = suffixes(primary(ctx.primary()), ctx.refSuffix());
    // A bare `data` or `input` is a ref to the whole document, as in OPA.
    if (term instanceof Term.Var var && (var.name().equals("data") || var.name().equals("input"))) {
      return new Term.Ref(var.location(), var, List.of());
    }
    return term;
  }

  /** Applies {@code .name}, {@code [term]} and {@code (args)} suffixes to a head, left to right. */
  Term suffixes(Term head, List<? extends ParserRuleContext> suffixes) {
    if (suffixes.isEmpty()) {
      return head;
    }
    List<Term> path = new ArrayList<>();
    for (ParserRuleContext suffix : suffixes) {
      switch (suffix.getStart().getType()) {
        case DOT_REF, DOT -> path.add(name(suffix.getToken(IDENT, 0).getSymbol()));
        case LBRACK_REF, LBRACK -> path.add(kvTerm(suffix.getRuleContext(KvTermContext.class, 0)));
        default -> {
          head = call(ref(head, path), suffix.getRuleContext(ArgsContext.class, 0));
          path = new ArrayList<>();
        }
      }
    }
    return path.isEmpty() ? head : ref(head, path);
  }

  /** A ref from a variable, a collection, a comprehension or a call, as OPA allows. */
  private Term.Ref ref(Term head, List<Term> path) {
    if (head instanceof Term.Scalar || head instanceof Term.Ref || head instanceof Term.TemplateString) {
      errors.add(head.location(), "illegal ref (head cannot be " + typeName(head) + ")");
    }
    return new Term.Ref(head.location(), head, path);
  }

  private Term call(Term.Ref operator, ArgsContext args) {
    List<Term> list = args == null ? List.of() : listTerms(args.listTerm());
    boolean emptySet = list.isEmpty() && operator.path().isEmpty() && operator.head() instanceof Term.Var v && v.name().equals("set");
    return emptySet ? new Term.SetTerm(operator.location(), List.of()) : new Term.Call(operator.location(), operator, list);
  }

  Term primary(PrimaryContext ctx) {
    return switch (ctx) {
      case VarTermContext v -> var(v.IDENT().getSymbol());
      case NumberTermContext n -> number(n);
      case StringTermContext s -> string(s.getStart());
      case ConstantTermContext c -> new Term.Scalar(at(c), switch (c.getStart().getType()) {
        case TRUE -> BooleanValue.TRUE;
        case FALSE -> BooleanValue.FALSE;
        default -> NullValue.NULL;
      });
      case ArrayComprehensionContext a -> new Term.ArrayComprehension(at(a), refTerm(a.refTerm()), body(a.body()));
      case ArrayTermContext a -> new Term.ArrayTerm(at(a), listTerms(a.listTerm()));
      case SetComprehensionContext s -> new Term.SetComprehension(at(s), refTerm(s.refTerm()), body(s.body()));
      case ObjectComprehensionContext o ->
          new Term.ObjectComprehension(at(o), listTerm(o.listTerm()), refTerm(o.refTerm()), body(o.body()));
      case ObjectTermContext o -> object(o);
      case SetTermContext s -> new Term.SetTerm(at(s), listTerms(s.listTerm()));
      case ParenTermContext p -> kvTerm(p.kvTerm());
      case TemplateTermContext t -> template(t);
      default -> throw new IllegalStateException("unknown term " + ctx.getClass().getSimpleName());
    };
  }

  Term.Var var(Token token) {
    String name = token.getText();
    return new Term.Var(at(token), name.equals("_") ? "$_" + wildcards++ : intern(name).value());
  }

  /** A name after a dot: a string path element. */
  Term.Scalar name(Token token) {
    return new Term.Scalar(at(token), intern(token.getText()));
  }

  private StringValue intern(String name) {
    return names.computeIfAbsent(name, StringValue::of);
  }

  private Term object(ObjectTermContext ctx) {
    List<Term.ObjectTerm.Item> items = new ArrayList<>();
    for (ItemContext item : ctx.item()) {
      items.add(new Term.ObjectTerm.Item(listTerm(item.listTerm(0)), listTerm(item.listTerm(1))));
    }
    return new Term.ObjectTerm(at(ctx), items);
  }

  private Term number(NumberTermContext ctx) {
    String digits = ctx.NUMBER().getText();
    String text = (ctx.MINUS() != null ? "-" : "") + (ctx.DOT() != null ? "." : "") + digits;
    if (ctx.DOT() == null && digits.length() > 1 && digits.charAt(0) == '0' && Character.isDigit(digits.charAt(1))) {
      errors.add(ctx.NUMBER().getSymbol(), "unexpected number token: expected number without leading zero");
    }
    if (text.length() > 18 || digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
      try {
        BigDecimal d = new BigDecimal(text);
        if (Math.abs((long) d.precision() - d.scale()) > MAX_MAGNITUDE) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        errors.add(ctx.NUMBER().getSymbol(), "number too big");
        return new Term.Scalar(at(ctx), NumberValue.ZERO);
      }
    }
    return new Term.Scalar(at(ctx), NumberValue.parse(text));
  }

  private Term.Scalar string(Token token) {
    String text = token.getText();
    String body = text.substring(1, text.length() - 1);
    String value = token.getType() == RAW_STRING ? body : Text.unescape(body, false);
    if (value == null) {
      errors.add(token, "illegal escape sequence");
      value = body;
    }
    return new Term.Scalar(at(token), StringValue.of(value));
  }

  /** Text parts become string literals, {@code {expr}} parts the literal written there. */
  private Term template(TemplateTermContext ctx) {
    boolean raw = ctx.RAW_TPL_OPEN() != null;
    List<Literal> parts = new ArrayList<>();
    for (TemplatePartContext part : ctx.templatePart()) {
      if (part.literal() != null) {
        parts.add(templateExpression(part.literal()));
        continue;
      }
      Token text = part.getStart();
      String value = raw ? Text.unescapeRaw(text.getText()) : Text.unescape(text.getText(), true);
      if (value == null) {
        errors.add(text, "illegal escape sequence");
      } else {
        parts.add(termLiteral(at(text), new Term.Scalar(at(text), StringValue.of(value))));
      }
    }
    return new Term.TemplateString(at(ctx), parts, raw);
  }

  private Literal templateExpression(LiteralContext ctx) {
    Literal literal = literal(ctx);
    String problem =
        literal.negated()
            ? "negation ('not')"
            : switch (literal.expr()) {
              case Expr.SomeDecl s -> "'some'";
              case Expr.SomeIn s -> "'some'";
              case Expr.Every e -> "'every'";
              case Expr.TermExpr t ->
                  ctx.expr().op == null ? null : ctx.expr().op.getType() == ASSIGN ? "assignment (':=')" : "unification ('=')";
            };
    if (problem != null) {
      errors.add(literal.location(), "unexpected " + problem + " in template-string expression");
    }
    return literal;
  }

  /** OPA's name for a term's kind, as its messages use it. */
  static String typeName(Term term) {
    return switch (term) {
      case Term.Scalar s -> s.value().typeName();
      case Term.Var v -> "var";
      case Term.Ref r -> "ref";
      case Term.ArrayTerm a -> "array";
      case Term.ObjectTerm o -> "object";
      case Term.SetTerm s -> "set";
      case Term.ArrayComprehension a -> "arraycomprehension";
      case Term.SetComprehension s -> "setcomprehension";
      case Term.ObjectComprehension o -> "objectcomprehension";
      case Term.Call c -> "call";
      case Term.TemplateString t -> "templatestring";
    };
  }
}
