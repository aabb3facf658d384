package dev.verdict.builtins.graphql;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/** The steps OPA's graphql builtins share: parse or take an AST, validate, report. */
public final class GraphQL {

  private GraphQL() {}

  /** Any failure, with the message OPA reports. */
  public static final class GraphQLError extends RuntimeException {
    GraphQLError(String message) {
      super(message, null, false, false);
    }
  }

  public static ObjectValue parseQuery(String text) {
    try {
      return GqlParser.parseQuery(text);
    } catch (GqlParser.SyntaxError e) {
      throw located(e.getMessage(), "GraphQL string", e.line, e.column);
    }
  }

  public static ObjectValue parseSchema(String text) {
    try {
      return GqlParser.parseSchema(text);
    } catch (GqlParser.SyntaxError e) {
      throw located(e.getMessage(), "GraphQL string", e.line, e.column);
    }
  }

  private static GraphQLError located(String message, String what, int line, int column) {
    return new GraphQLError(message + " in " + what + " at location " + line + ":" + column);
  }

  /** A validated query and schema, as OPA returns them. */
  public record Checked(ObjectValue query, ObjectValue schema) {}

  public static Checked check(Value query, Value schema) {
    ObjectValue queryAst = query instanceof StringValue s ? parseQuery(s.value()) : document(query);
    ObjectValue schemaAst = schema instanceof StringValue s ? parseSchema(s.value()) : document(schema);
    GqlSchema merged = validSchema(schemaAst);
    if (queryAst.isEmpty()) {
      return new Checked(queryAst, schemaAst); // an empty document breaks no rule
    }
    String text = query instanceof StringValue s ? s.value() : GqlPrinter.query(queryAst);
    try {
      GqlQueryValidator.validate(merged, text);
    } catch (GqlQueryValidator.InvalidQuery e) {
      throw located(e.getMessage(), "GraphQL string", e.line, e.column);
    }
    return new Checked(queryAst, schemaAst);
  }

  public static void checkSchema(Value schema) {
    validSchema(schema instanceof StringValue s ? parseSchema(s.value()) : document(schema));
  }

  private static GqlSchema validSchema(ObjectValue ast) {
    try {
      return GqlSchema.of(ast);
    } catch (GqlSchema.InvalidSchema | ClassCastException | NullPointerException e) {
      throw new GraphQLError("Error in gqlparser SchemaDocument to Schema conversion: " + e.getMessage());
    }
  }

  private static ObjectValue document(Value v) {
    if (!(v instanceof ObjectValue o)) {
      throw new GraphQLError("wrong type");
    }
    return (ObjectValue) prune(o);
  }

  /** OPA's pruneIrrelevantGraphQLASTNodes: no Position, no nulls, no empty arrays or objects. */
  static Value prune(Value v) {
    return switch (v) {
      case ObjectValue o -> {
        ObjectValue.Builder b = ObjectValue.builder();
        for (int i = 0; i < o.size(); i++) {
          if (o.key(i).equals(StringValue.of("Position"))) {
            continue;
          }
          Value p = prune(o.value(i));
          if (!isEmpty(p)) {
            b.put(o.key(i), p);
          }
        }
        yield b.build();
      }
      case ArrayValue a -> {
        List<Value> out = new ArrayList<>();
        for (Value e : a.asList()) {
          Value p = prune(e);
          if (!isEmpty(p)) {
            out.add(p);
          }
        }
        yield ArrayValue.of(out);
      }
      default -> v;
    };
  }

  private static boolean isEmpty(Value v) {
    return v == NullValue.NULL || v instanceof ArrayValue a && a.isEmpty() || v instanceof ObjectValue o && o.isEmpty();
  }
}
