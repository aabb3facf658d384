package dev.verdict.builtins.graphql;

import static dev.verdict.builtins.graphql.GqlSchema.list;
import static dev.verdict.builtins.graphql.GqlSchema.str;

import dev.verdict.value.Json;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import java.util.List;

/**
 * GraphQL text from AST values: the query document, and a merged schema (definitions only,
 * extensions folded in) for graphql-java, which validates queries against it.
 */
final class GqlPrinter {

  private GqlPrinter() {}

  static String query(ObjectValue doc) {
    StringBuilder b = new StringBuilder();
    for (ObjectValue op : list(doc, "Operations")) {
      b.append(str(op, "Operation").isEmpty() ? "query" : str(op, "Operation"));
      if (!str(op, "Name").isEmpty()) {
        b.append(' ').append(str(op, "Name"));
      }
      List<ObjectValue> vars = list(op, "VariableDefinitions");
      if (!vars.isEmpty()) {
        b.append('(');
        for (int i = 0; i < vars.size(); i++) {
          ObjectValue v = vars.get(i);
          b.append(i > 0 ? ", $" : "$").append(str(v, "Variable")).append(": ")
              .append(GqlSchema.typeString((ObjectValue) v.get("Type")));
          if (v.get("DefaultValue") instanceof ObjectValue def) {
            b.append(" = ").append(value(def));
          }
          directives(b, list(v, "Directives"));
        }
        b.append(')');
      }
      directives(b, list(op, "Directives"));
      selections(b, list(op, "SelectionSet"));
      b.append('\n');
    }
    for (ObjectValue f : list(doc, "Fragments")) {
      b.append("fragment ").append(str(f, "Name")).append(" on ").append(str(f, "TypeCondition"));
      directives(b, list(f, "Directives"));
      selections(b, list(f, "SelectionSet"));
      b.append('\n');
    }
    return b.toString();
  }

  private static void selections(StringBuilder b, List<ObjectValue> set) {
    b.append(" {");
    for (ObjectValue s : set) {
      b.append(' ');
      if (s.containsKey(StringValue.of("Alias")) || s.containsKey(StringValue.of("Arguments"))
          || s.containsKey(StringValue.of("Name")) && s.containsKey(StringValue.of("SelectionSet"))
          && !s.containsKey(StringValue.of("TypeCondition"))) {
        String alias = str(s, "Alias");
        String name = str(s, "Name");
        if (!alias.isEmpty() && !alias.equals(name)) {
          b.append(alias).append(": ");
        }
        b.append(name);
        arguments(b, list(s, "Arguments"));
        directives(b, list(s, "Directives"));
        if (!list(s, "SelectionSet").isEmpty()) {
          selections(b, list(s, "SelectionSet"));
        }
      } else if (s.containsKey(StringValue.of("SelectionSet"))) {
        b.append("...");
        if (!str(s, "TypeCondition").isEmpty()) {
          b.append(" on ").append(str(s, "TypeCondition"));
        }
        directives(b, list(s, "Directives"));
        selections(b, list(s, "SelectionSet"));
      } else {
        b.append("...").append(str(s, "Name"));
        directives(b, list(s, "Directives"));
      }
    }
    b.append(" }");
  }

  private static void arguments(StringBuilder b, List<ObjectValue> args) {
    if (args.isEmpty()) {
      return;
    }
    b.append('(');
    for (int i = 0; i < args.size(); i++) {
      b.append(i > 0 ? ", " : "").append(str(args.get(i), "Name")).append(": ")
          .append(value((ObjectValue) args.get(i).get("Value")));
    }
    b.append(')');
  }

  private static void directives(StringBuilder b, List<ObjectValue> dirs) {
    for (ObjectValue d : dirs) {
      b.append(" @").append(str(d, "Name"));
      arguments(b, list(d, "Arguments"));
    }
  }

  /** A value literal from its Kind and Raw text. */
  static String value(ObjectValue v) {
    int kind = v.get("Kind") instanceof NumberValue n ? (int) n.longValue() : 7;
    String raw = str(v, "Raw");
    return switch (kind) {
      case 0 -> "$" + raw;
      case 3, 4 -> Json.toJson(StringValue.of(raw));
      case 8 -> {
        StringBuilder b = new StringBuilder("[");
        for (ObjectValue c : list(v, "Children")) {
          b.append(b.length() > 1 ? ", " : "").append(value((ObjectValue) c.get("Value")));
        }
        yield b.append(']').toString();
      }
      case 9 -> {
        StringBuilder b = new StringBuilder("{");
        for (ObjectValue c : list(v, "Children")) {
          b.append(b.length() > 1 ? ", " : "").append(str(c, "Name")).append(": ").append(value((ObjectValue) c.get("Value")));
        }
        yield b.append('}').toString();
      }
      default -> raw;
    };
  }

  /** The merged user types and directives as SDL, with an explicit schema entry point. */
  static String schema(GqlSchema s, String placeholderQuery) {
    StringBuilder b = new StringBuilder();
    s.userTypes().forEach((name, t) -> {
      switch (t.kind) {
        case "SCALAR" -> b.append("scalar ").append(name);
        case "UNION" -> b.append("union ").append(name).append(" = ").append(String.join(" | ", t.types));
        case "ENUM" -> {
          b.append("enum ").append(name).append(" {");
          t.enumValues.forEach(v -> b.append(' ').append(str(v, "Name")));
          b.append(" }");
        }
        default -> {
          b.append(switch (t.kind) {
            case "OBJECT" -> "type ";
            case "INTERFACE" -> "interface ";
            default -> "input ";
          }).append(name);
          if (!t.interfaces.isEmpty()) {
            b.append(" implements ").append(String.join(" & ", t.interfaces));
          }
          b.append(" {");
          for (ObjectValue f : t.fields) {
            b.append(' ').append(str(f, "Name"));
            argumentDefinitions(b, list(f, "Arguments"));
            b.append(": ").append(GqlSchema.typeString((ObjectValue) f.get("Type")));
            if (f.get("DefaultValue") instanceof ObjectValue def) {
              b.append(" = ").append(value(def));
            }
          }
          b.append(" }");
        }
      }
      b.append('\n');
    });
    s.directives.values().forEach(d -> {
      if (!d.builtIn()) {
        b.append("directive @").append(d.name());
        argumentDefinitions(b, d.arguments());
        b.append(" repeatable on ").append(String.join(" | ", d.locations())).append('\n');
      }
    });
    String query = s.query != null ? s.query : placeholderQuery;
    if (s.query == null) {
      b.append("type ").append(placeholderQuery).append(" { _unused: Boolean }\n");
    }
    b.append("schema { query: ").append(query);
    if (s.mutation != null) {
      b.append(" mutation: ").append(s.mutation);
    }
    if (s.subscription != null) {
      b.append(" subscription: ").append(s.subscription);
    }
    return b.append(" }\n").toString();
  }

  private static void argumentDefinitions(StringBuilder b, List<ObjectValue> args) {
    if (args.isEmpty()) {
      return;
    }
    b.append('(');
    for (int i = 0; i < args.size(); i++) {
      ObjectValue a = args.get(i);
      b.append(i > 0 ? ", " : "").append(str(a, "Name")).append(": ").append(GqlSchema.typeString((ObjectValue) a.get("Type")));
      if (a.get("DefaultValue") instanceof ObjectValue def) {
        b.append(" = ").append(value(def));
      }
    }
    b.append(')');
  }
}
