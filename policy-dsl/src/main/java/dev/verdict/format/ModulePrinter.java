package dev.verdict.format;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Head;
import dev.verdict.ast.Import;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.StringValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a module's statements: the package, imports in groups (a group is a run of adjacent
 * lines, sorted), and rules one blank line apart, with the comments between them. A comment
 * block on the lines right above a statement stays attached to it.
 */
final class ModulePrinter {

  private final Layout out;
  private final Printer printer;
  /** Whether anything was written yet, and the row of the top-level comment written last (-1: none). */
  private boolean started;
  private int lastComment = -1;

  ModulePrinter(Layout out, Printer printer) {
    this.out = out;
    this.printer = printer;
  }

  void module(Module module, List<Import> imports) {
    statementStart(module.pkg().location());
    List<Term> path = module.pkg().path().path();
    Term.Scalar root = (Term.Scalar) path.getFirst();
    out.text("package ");
    printer.ref(new Term.Ref(root.location(), new Term.Var(root.location(), ((StringValue) root.value()).value()), path.subList(1, path.size())));
    out.newline();
    for (List<Import> group : groups(imports)) {
      boolean first = true;
      for (Import i : group) {
        topComments(i.location().row());
        if (first || lastComment >= 0) {
          separate(i.location().row());
        }
        first = false;
        importDecl(i);
      }
    }
    List<Rule> rules = module.rules();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      statementStart(rule.location());
      rule(rule, i + 1 < rules.size() ? rules.get(i + 1).location().row() : Integer.MAX_VALUE);
    }
    topComments(Integer.MAX_VALUE);
  }

  private void statementStart(Location at) {
    topComments(at.row());
    separate(at.row());
    lastComment = -1;
    out.mark(at);
  }

  private void topComments(int row) {
    for (var c = out.pending(); c != null && c.location().row() < row; c = out.pending()) {
      separate(c.location().row());
      lastComment = c.location().row();
      out.comment();
    }
  }

  /** A blank line before a statement or comment, unless it is the first or a comment ends just above it. */
  private void separate(int row) {
    if (started && (lastComment < 0 || lastComment != row - 1)) {
      out.blankLine();
    }
    started = true;
  }

  private void importDecl(Import i) {
    out.mark(i.location());
    out.text("import ");
    printer.ref(i.path());
    if (i.alias() != null) {
      out.text(" as " + i.alias());
    }
    out.newline();
    lastComment = -1;
  }

  private static List<List<Import>> groups(List<Import> imports) {
    List<Import> inOrder = imports.stream().sorted(Comparator.comparingInt(i -> i.location().row())).toList();
    List<List<Import>> groups = new ArrayList<>();
    int previousRow = Integer.MIN_VALUE;
    for (Import i : inOrder) {
      if (groups.isEmpty() || i.location().row() - previousRow > 1) {
        groups.add(new ArrayList<>());
      }
      groups.getLast().add(i);
      previousRow = i.location().row();
    }
    groups.forEach(g -> g.sort(Comparator.comparing(ModulePrinter::importKey)));
    return groups;
  }

  static String importKey(Import i) {
    return Operators.name(i.path()) + (i.alias() == null ? "" : " as " + i.alias());
  }

  // ---------------------------------------------------------------- rules

  private void rule(Rule rule, int end) {
    if (rule.isDefault()) {
      out.text("default ");
      head(rule.head());
      out.newline();
      return;
    }
    head(rule.head());
    boolean chained = rule.elseRule() != null;
    body(rule.head(), rule.body(), chained, chained ? rule.elseRule().location().row() : end, rule.location().col());
    for (Rule branch = rule.elseRule(); branch != null; branch = branch.elseRule()) {
      out.mark(branch.location());
      out.text(" else");
      value(branch.head());
      Rule next = branch.elseRule();
      body(branch.head(), branch.body(), true, next != null ? next.location().row() : end, rule.location().col());
    }
    out.newline();
  }

  private void head(Head head) {
    printer.ref(head.ref());
    if (head.isFunction()) {
      printer.args(head.args(), head.ref().location());
    }
    if (head.isMultiValue()) {
      out.text(" contains ");
      printer.value(head.key());
    } else {
      value(head);
    }
  }

  private void value(Head head) {
    if (!omitted(head.value(), head.location())) {
      out.text(head.assign() ? " := " : " = ");
      printer.value(head.value());
    }
  }

  /**
   * {@code if} and the body: on the head's line when it is one literal written there (and not
   * read as a block: it must not open with a brace), else a block. A body the parser made up
   * for a rule written without one is left out.
   */
  private void body(Head head, Body body, boolean braced, int end, int ownerCol) {
    List<Literal> literals = body.literals();
    Literal only = literals.size() == 1 ? literals.getFirst() : null;
    if (only != null && !only.negated() && only.withs().isEmpty() && only.expr() instanceof Expr.TermExpr t
        && omitted(t.term(), head.location())) {
      return;
    }
    if (!braced && only != null && only.location().row() == head.location().row() && !opensBrace(only)) {
      out.text(" if ");
      printer.literal(only);
      return;
    }
    out.text(" if {");
    out.newline();
    // Comments before an `else` stay in the block it follows.
    printer.block(body, end, braced ? 0 : ownerCol);
    out.text("}");
  }

  /** The {@code true} the parser puts, located at the head, where a value or body was left out. */
  private static boolean omitted(Term term, Location head) {
    return term instanceof Term.Scalar s && s.value() == BooleanValue.TRUE && s.location().equals(head);
  }

  private static boolean opensBrace(Literal literal) {
    return !literal.negated() && literal.expr() instanceof Expr.TermExpr t && opensBrace(t.term());
  }

  private static boolean opensBrace(Term term) {
    return switch (term) {
      case Term.SetTerm s -> !s.elements().isEmpty();
      case Term.ObjectTerm o -> true;
      case Term.SetComprehension s -> true;
      case Term.ObjectComprehension o -> true;
      case Term.Ref r -> opensBrace(r.head());
      case Term.Call c when Operators.infix(c) != null || !c.args().isEmpty() && Operators.name(c.operator()).matches("eq|assign") ->
          opensBrace(c.args().getFirst());
      default -> false;
    };
  }
}
