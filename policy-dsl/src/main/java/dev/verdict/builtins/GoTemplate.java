package dev.verdict.builtins;

import dev.verdict.builtins.GoTemplateSyntax.Field;
import dev.verdict.builtins.GoTemplateSyntax.Func;
import dev.verdict.builtins.GoTemplateSyntax.If;
import dev.verdict.builtins.GoTemplateSyntax.Literal;
import dev.verdict.builtins.GoTemplateSyntax.Node;
import dev.verdict.builtins.GoTemplateSyntax.Operand;
import dev.verdict.builtins.GoTemplateSyntax.Output;
import dev.verdict.builtins.GoTemplateSyntax.Pipeline;
import dev.verdict.builtins.GoTemplateSyntax.Range;
import dev.verdict.builtins.GoTemplateSyntax.Sub;
import dev.verdict.builtins.GoTemplateSyntax.Text;
import dev.verdict.builtins.GoTemplateSyntax.With;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Go's {@code text/template} that {@code strings.render_template} policies use:
 * fields and variables, pipelines, {@code if/else if/else}, {@code range} (with index and
 * element variables and {@code else}), {@code with}, comments, trim markers, and the functions
 * {@code and or not len index eq ne lt le gt ge print printf println}. Values print as Go prints
 * the JSON-decoded data OPA passes ({@code [a b]}, {@code map[k:v]}, {@code <nil>}); a missing
 * key prints {@code <undefined>}.
 */
final class GoTemplate {

  /** A field that is not in its map. */
  private static final Object MISSING = new Object();

  private GoTemplate() {}

  static String render(String template, ObjectValue data) {
    List<Node> nodes = GoTemplateSyntax.parse(template);
    StringBuilder out = new StringBuilder();
    new Exec(data).run(nodes, out);
    return out.toString();
  }

  static BuiltinException error(String message) {
    return BuiltinException.error("template: template:" + message);
  }


  private static final class Exec {
    private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
    private Object dot;

    Exec(ObjectValue data) {
      dot = data;
      Map<String, Object> root = new HashMap<>();
      root.put("$", data);
      scopes.push(root);
    }

    void run(List<Node> nodes, StringBuilder out) {
      for (Node n : nodes) {
        switch (n) {
          case Text t -> out.append(t.text());
          case Output o -> {
            Object v = pipeline(o.pipe());
            if (o.pipe().vars().isEmpty()) {
              print(out, v);
            }
          }
          case If i -> block(truth(pipeline(i.cond())) ? i.then() : i.otherwise(), out, dot);
          case With w -> {
            Object v = pipeline(w.value());
            if (truth(v)) {
              block(w.body(), out, v);
            } else {
              block(w.otherwise(), out, dot);
            }
          }
          case Range r -> range(r, out);
        }
      }
    }

    private void block(List<Node> nodes, StringBuilder out, Object newDot) {
      Object saved = dot;
      dot = newDot;
      scopes.push(new HashMap<>());
      try {
        run(nodes, out);
      } finally {
        scopes.pop();
        dot = saved;
      }
    }

    private void range(Range r, StringBuilder out) {
      Pipeline p = r.over();
      Object over = pipeline(new Pipeline(List.of(), false, p.commands()));
      List<Object[]> entries = new ArrayList<>();
      switch (over) {
        case ArrayValue a -> {
          for (int i = 0; i < a.size(); i++) {
            entries.add(new Object[] {(long) i, a.get(i)});
          }
        }
        case SetValue s -> {
          for (int i = 0; i < s.size(); i++) {
            entries.add(new Object[] {(long) i, s.get(i)});
          }
        }
        case ObjectValue o -> {
          for (int i = 0; i < o.size(); i++) {
            entries.add(new Object[] {o.key(i), o.value(i)});
          }
        }
        default -> {
          if (over == MISSING || over instanceof NullValue) {
            break;
          }
          throw error("1: range can't iterate over " + text(over));
        }
      }
      if (entries.isEmpty()) {
        block(r.otherwise(), out, dot);
        return;
      }
      for (Object[] e : entries) {
        Object saved = dot;
        dot = e[1];
        Map<String, Object> scope = new HashMap<>();
        if (p.vars().size() == 1) {
          scope.put(p.vars().get(0), e[1]);
        } else if (p.vars().size() == 2) {
          scope.put(p.vars().get(0), e[0]);
          scope.put(p.vars().get(1), e[1]);
        }
        scopes.push(scope);
        try {
          run(r.body(), out);
        } finally {
          scopes.pop();
          dot = saved;
        }
      }
    }

    private Object pipeline(Pipeline p) {
      Object result = null;
      boolean first = true;
      for (List<Operand> cmd : p.commands()) {
        result = command(cmd, first ? null : result, !first);
        first = false;
      }
      if (!p.vars().isEmpty()) {
        String name = p.vars().get(0);
        if (p.declare()) {
          scopes.peek().put(name, result);
        } else {
          scopeOf(name).put(name, result);
        }
      }
      return result;
    }

    private Object command(List<Operand> cmd, Object piped, boolean hasPiped) {
      Operand head = cmd.get(0);
      if (head instanceof Func f) {
        List<Object> args = new ArrayList<>();
        for (Operand o : cmd.subList(1, cmd.size())) {
          args.add(operand(o));
        }
        if (hasPiped) {
          args.add(piped);
        }
        return call(f.name(), args);
      }
      if (cmd.size() > 1 || hasPiped) {
        throw error("1: can't give argument to non-function " + head);
      }
      return operand(head);
    }

    private Object operand(Operand o) {
      return switch (o) {
        case Literal l -> l.value();
        case Sub s -> pipeline(s.pipe());
        case Func f -> call(f.name(), List.of());
        case Field f -> {
          Object v = f.variable() == null ? dot : scopeOf(f.variable()).get(f.variable());
          for (String key : f.path()) {
            if (v instanceof ObjectValue obj) {
              Value got = obj.get(key);
              v = got == null ? MISSING : got;
            } else if (v == MISSING || v instanceof NullValue) {
              v = MISSING;
            } else {
              throw error("1: can't evaluate field " + key + " in type " + goType(v));
            }
          }
          yield v;
        }
      };
    }

    private Map<String, Object> scopeOf(String name) {
      for (Map<String, Object> s : scopes) {
        if (s.containsKey(name)) {
          return s;
        }
      }
      throw error("1: undefined variable \"" + name + "\"");
    }

    private Object call(String name, List<Object> args) {
      return switch (name) {
        case "and" -> {
          Object last = null;
          for (Object a : args) {
            last = a;
            if (!truth(a)) {
              break;
            }
          }
          yield last;
        }
        case "or" -> {
          Object last = null;
          for (Object a : args) {
            last = a;
            if (truth(a)) {
              break;
            }
          }
          yield last;
        }
        case "not" -> BooleanValue.of(!truth(arg(args, 0, name)));
        case "len" -> {
          Object a = arg(args, 0, name);
          if (!(a instanceof Value v) || !(v instanceof StringValue || v instanceof ArrayValue || v instanceof ObjectValue || v instanceof SetValue)) {
            throw error("1: error calling len: len of type " + goType(a));
          }
          yield v instanceof StringValue s ? NumberValue.of(s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length) : AggregateBuiltins.count(v);
        }
        case "index" -> {
          Object v = arg(args, 0, name);
          for (Object k : args.subList(1, args.size())) {
            v = switch (v) {
              case ObjectValue o -> o.get((Value) k) == null ? MISSING : o.get((Value) k);
              case ArrayValue a -> {
                Value e = k instanceof Value kv ? a.get(kv) : null;
                if (e == null) {
                  throw error("1: error calling index: index out of range: " + text(k));
                }
                yield e;
              }
              default -> throw error("1: error calling index: can't index item of type " + goType(v));
            };
          }
          yield v;
        }
        case "eq", "ne", "lt", "le", "gt", "ge" -> compare(name, args);
        case "print" -> StringValue.of(printAll(args, false));
        case "println" -> StringValue.of(printAll(args, true) + "\n");
        case "printf" -> {
          List<Object> goArgs = new ArrayList<>();
          for (Object a : args.subList(1, args.size())) {
            goArgs.add(a instanceof Value v ? StringBuiltins.goValue(v) : a instanceof Long l ? l : text(a));
          }
          yield StringValue.of(GoFormat.sprintf(text(arg(args, 0, name)), goArgs));
        }
        default -> throw error("1: function \"" + name + "\" not defined");
      };
    }

    private static Object arg(List<Object> args, int i, String fn) {
      if (i >= args.size()) {
        throw error("1: wrong number of args for " + fn + ": want " + (i + 1) + " got " + args.size());
      }
      return args.get(i);
    }

    private static Object compare(String op, List<Object> args) {
      Object a = arg(args, 0, op);
      Object b = arg(args, 1, op);
      if (op.equals("eq")) {
        for (Object other : args.subList(1, args.size())) {
          if (same(a, other)) {
            return BooleanValue.TRUE;
          }
        }
        return BooleanValue.FALSE;
      }
      if (op.equals("ne")) {
        return BooleanValue.of(!same(a, b));
      }
      if (!(a instanceof Value x) || !(b instanceof Value y) || x.typeOrder() != y.typeOrder()) {
        throw error("1: error calling " + op + ": incompatible types for comparison");
      }
      int c = x.compareTo(y);
      return BooleanValue.of(switch (op) {
        case "lt" -> c < 0;
        case "le" -> c <= 0;
        case "gt" -> c > 0;
        default -> c >= 0;
      });
    }

    private static boolean same(Object a, Object b) {
      return a == b || a != null && a.equals(b);
    }

    private static String printAll(List<Object> args, boolean spaces) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < args.size(); i++) {
        // fmt.Print puts spaces only between operands that are not both strings.
        if (i > 0 && (spaces || !(args.get(i - 1) instanceof StringValue) && !(args.get(i) instanceof StringValue))) {
          b.append(' ');
        }
        print(b, args.get(i));
      }
      return b.toString();
    }

    /** Go's truth: false, nil, and empty strings and collections are false; json numbers are non-empty strings. */
    private static boolean truth(Object v) {
      return switch (v) {
        case BooleanValue b -> b.value();
        case StringValue s -> !s.value().isEmpty();
        case ArrayValue a -> !a.isEmpty();
        case ObjectValue o -> !o.isEmpty();
        case SetValue s -> !s.isEmpty();
        case NumberValue n -> true;
        case Long l -> l != 0;
        case null, default -> false;
      };
    }

    private static String goType(Object v) {
      return switch (v) {
        case StringValue s -> "string";
        case NumberValue n -> "json.Number";
        case Long l -> "int";
        case BooleanValue b -> "bool";
        case ArrayValue a -> "[]interface {}";
        case SetValue s -> "[]interface {}";
        case ObjectValue o -> "map[string]interface {}";
        case null, default -> "interface {}";
      };
    }

    static String text(Object v) {
      StringBuilder b = new StringBuilder();
      print(b, v);
      return b.toString();
    }

    static void print(StringBuilder out, Object v) {
      if (v == MISSING) {
        out.append("<undefined>");
        return;
      }
      switch (v) {
        case StringValue s -> out.append(s.value());
        case NumberValue n -> out.append(n);
        case BooleanValue b -> out.append(b.value());
        case Long l -> out.append(l);
        case ArrayValue a -> printList(out, a.asList());
        case SetValue s -> printList(out, s.asList());
        case ObjectValue o -> {
          out.append("map[");
          for (int i = 0; i < o.size(); i++) {
            if (i > 0) {
              out.append(' ');
            }
            print(out, o.key(i));
            out.append(':');
            print(out, o.value(i));
          }
          out.append(']');
        }
        case null, default -> out.append("<nil>");
      }
    }

    private static void printList(StringBuilder out, List<Value> items) {
      out.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        print(out, items.get(i));
      }
      out.append(']');
    }
  }
}
