package dev.verdict.builtins;

import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/** The syntax of Go templates as {@link GoTemplate} runs them: nodes, pipelines and a parser. */
final class GoTemplateSyntax {

  private GoTemplateSyntax() {}

  sealed interface Node {}

  record Text(String text) implements Node {}

  record Output(Pipeline pipe) implements Node {}

  record If(Pipeline cond, List<Node> then, List<Node> otherwise) implements Node {}

  record With(Pipeline value, List<Node> body, List<Node> otherwise) implements Node {}

  record Range(Pipeline over, List<Node> body, List<Node> otherwise) implements Node {}

  /** {@code $a, $b := cmd | cmd}; {@code declare} is false for plain assignment. */
  record Pipeline(List<String> vars, boolean declare, List<List<Operand>> commands) {}

  sealed interface Operand {}

  record Literal(Value value) implements Operand {}

  /** {@code .a.b} ({@code variable} null) or {@code $x.a.b}. */
  record Field(String variable, List<String> path) implements Operand {}

  record Func(String name) implements Operand {}

  record Sub(Pipeline pipe) implements Operand {}

  /** Parses a template into its nodes. */
  static List<Node> parse(String template) {
    return new Parser(template).parseAll();
  }

  private static final class Parser {
    private final String src;
    private int pos;
    private final List<Object> items = new ArrayList<>(); // Text or action token lists
    private int next;

    Parser(String src) {
      this.src = src;
      lex();
    }

    private void lex() {
      boolean trimNext = false;
      while (pos < src.length()) {
        int open = src.indexOf("{{", pos);
        String text = open < 0 ? src.substring(pos) : src.substring(pos, open);
        if (trimNext) {
          text = text.stripLeading();
        }
        if (open < 0) {
          items.add(new Text(text));
          return;
        }
        int start = open + 2;
        if (src.startsWith("-", start) && start + 1 < src.length() && Character.isWhitespace(src.charAt(start + 1))) {
          text = text.stripTrailing();
          start += 2;
        }
        items.add(new Text(text));
        int close = src.indexOf("}}", start);
        if (close < 0) {
          throw GoTemplate.error(line(open) + ": unclosed action");
        }
        int end = close;
        trimNext = false;
        if (close >= 2 && src.charAt(close - 1) == '-' && Character.isWhitespace(src.charAt(close - 2))) {
          end = close - 1;
          trimNext = true;
        }
        String body = src.substring(start, end).strip();
        if (!(body.startsWith("/*") && body.endsWith("*/"))) {
          items.add(tokenize(body, open));
        }
        pos = close + 2;
      }
    }

    private int line(int offset) {
      int n = 1;
      for (int i = 0; i < offset && i < src.length(); i++) {
        if (src.charAt(i) == '\n') {
          n++;
        }
      }
      return n;
    }

    private List<String> tokenize(String body, int at) {
      List<String> out = new ArrayList<>();
      int i = 0;
      while (i < body.length()) {
        char c = body.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '"' || c == '`') {
          int j = i + 1;
          while (j < body.length() && body.charAt(j) != c) {
            j += body.charAt(j) == '\\' && c == '"' ? 2 : 1;
          }
          if (j >= body.length()) {
            throw GoTemplate.error(line(at) + ": unterminated quoted string");
          }
          out.add(body.substring(i, j + 1));
          i = j + 1;
        } else if ("()|,".indexOf(c) >= 0) {
          out.add(String.valueOf(c));
          i++;
        } else if (c == ':' && body.startsWith(":=", i)) {
          out.add(":=");
          i += 2;
        } else if (c == '=') {
          out.add("=");
          i++;
        } else {
          int j = i;
          while (j < body.length() && !Character.isWhitespace(body.charAt(j)) && "()|,=\"`".indexOf(body.charAt(j)) < 0
              && !body.startsWith(":=", j)) {
            j++;
          }
          out.add(body.substring(i, j));
          i = j;
        }
      }
      if (out.isEmpty()) {
        throw GoTemplate.error(line(at) + ": missing value for command");
      }
      return out;
    }

    List<Node> parseAll() {
      List<Node> nodes = parseList();
      if (next < items.size()) {
        throw GoTemplate.error("1: unexpected {{" + String.join(" ", tokens(items.get(next))) + "}}");
      }
      return nodes;
    }

    @SuppressWarnings("unchecked")
    private static List<String> tokens(Object item) {
      return (List<String>) item;
    }

    /** Nodes up to (not including) an {@code end} or {@code else} action. */
    private List<Node> parseList() {
      List<Node> nodes = new ArrayList<>();
      while (next < items.size()) {
        Object item = items.get(next);
        if (item instanceof Text t) {
          next++;
          if (!t.text().isEmpty()) {
            nodes.add(t);
          }
          continue;
        }
        List<String> toks = tokens(item);
        String keyword = toks.get(0);
        if (keyword.equals("end") || keyword.equals("else")) {
          return nodes;
        }
        next++;
        switch (keyword) {
          case "if" -> nodes.add(parseIf(toks.subList(1, toks.size())));
          case "range" -> {
            Pipeline p = pipeline(toks.subList(1, toks.size()));
            List<Node> body = parseList();
            nodes.add(new Range(p, body, parseElseAndEnd()));
          }
          case "with" -> {
            Pipeline p = pipeline(toks.subList(1, toks.size()));
            List<Node> body = parseList();
            nodes.add(new With(p, body, parseElseAndEnd()));
          }
          default -> nodes.add(new Output(pipeline(toks)));
        }
      }
      return nodes;
    }

    private If parseIf(List<String> cond) {
      Pipeline p = pipeline(cond);
      List<Node> then = parseList();
      if (next >= items.size()) {
        throw GoTemplate.error("1: unexpected EOF");
      }
      List<String> toks = tokens(items.get(next++));
      if (toks.get(0).equals("end")) {
        return new If(p, then, List.of());
      }
      if (toks.size() > 1 && toks.get(1).equals("if")) {
        return new If(p, then, List.of(parseIf(toks.subList(2, toks.size()))));
      }
      List<Node> otherwise = parseList();
      expectEnd();
      return new If(p, then, otherwise);
    }

    private List<Node> parseElseAndEnd() {
      if (next >= items.size()) {
        throw GoTemplate.error("1: unexpected EOF");
      }
      List<String> toks = tokens(items.get(next++));
      if (toks.get(0).equals("end")) {
        return List.of();
      }
      List<Node> otherwise = parseList();
      expectEnd();
      return otherwise;
    }

    private void expectEnd() {
      if (next >= items.size() || !tokens(items.get(next)).get(0).equals("end")) {
        throw GoTemplate.error("1: expected end");
      }
      next++;
    }

    private Pipeline pipeline(List<String> toks) {
      List<String> vars = new ArrayList<>();
      boolean declare = false;
      int i = 0;
      int assign = Math.max(toks.indexOf(":="), toks.indexOf("="));
      if (assign > 0 && toks.get(0).startsWith("$")) {
        for (String t : toks.subList(0, assign)) {
          if (!t.equals(",")) {
            vars.add(t);
          }
        }
        declare = toks.get(assign).equals(":=");
        i = assign + 1;
      }
      List<List<Operand>> commands = new ArrayList<>();
      List<Operand> current = new ArrayList<>();
      while (i < toks.size()) {
        String t = toks.get(i);
        if (t.equals("|")) {
          commands.add(current);
          current = new ArrayList<>();
          i++;
        } else if (t.equals("(")) {
          int depth = 0;
          int j = i;
          for (; j < toks.size(); j++) {
            depth += toks.get(j).equals("(") ? 1 : toks.get(j).equals(")") ? -1 : 0;
            if (depth == 0) {
              break;
            }
          }
          if (j >= toks.size()) {
            throw GoTemplate.error("1: unclosed left paren");
          }
          current.add(new Sub(pipeline(toks.subList(i + 1, j))));
          i = j + 1;
        } else {
          current.add(operand(t));
          i++;
        }
      }
      if (current.isEmpty()) {
        throw GoTemplate.error("1: missing value for command");
      }
      commands.add(current);
      return new Pipeline(vars, declare, commands);
    }

    private Operand operand(String t) {
      char c = t.charAt(0);
      if (c == '"') {
        return new Literal(StringValue.of(unquote(t.substring(1, t.length() - 1))));
      }
      if (c == '`') {
        return new Literal(StringValue.of(t.substring(1, t.length() - 1)));
      }
      if (c == '.' || c == '$') {
        String variable = null;
        String rest = t;
        if (c == '$') {
          int dot = t.indexOf('.');
          variable = dot < 0 ? t : t.substring(0, dot);
          rest = dot < 0 ? "" : t.substring(dot);
        }
        List<String> path = new ArrayList<>();
        for (String part : rest.split("\\.")) {
          if (!part.isEmpty()) {
            path.add(part);
          }
        }
        return new Field(variable, path);
      }
      switch (t) {
        case "true":
          return new Literal(BooleanValue.TRUE);
        case "false":
          return new Literal(BooleanValue.FALSE);
        case "nil":
          return new Literal(NullValue.NULL);
        default:
          break;
      }
      if (Character.isDigit(c) || c == '-' || c == '+') {
        try {
          return new Literal(NumberValue.parse(t.startsWith("+") ? t.substring(1) : t));
        } catch (NumberFormatException e) {
          throw GoTemplate.error("1: bad number syntax: \"" + t + "\"");
        }
      }
      return new Func(t);
    }

    private static String unquote(String s) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c != '\\' || i + 1 >= s.length()) {
          b.append(c);
          continue;
        }
        char e = s.charAt(++i);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          default -> b.append(e);
        }
      }
      return b.toString();
    }
  }
}
