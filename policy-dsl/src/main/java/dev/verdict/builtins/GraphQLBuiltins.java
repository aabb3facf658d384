package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.STRING;

import dev.verdict.builtins.graphql.GraphQL;
import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;

/**
 * {@code graphql.*}: gqlparser's AST as OPA returns it, gqlparser's syntax errors, and
 * validation of schemas (gqlparser's rules) and queries (graphql-java's validator).
 */
public final class GraphQLBuiltins {

  private static final Type OBJECT = Type.objectOf(ANY, ANY);
  private static final Type DOC = Type.anyOf(STRING, OBJECT);

  private GraphQLBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.function("graphql.parse_query", Signature.of(OBJECT, STRING), (ctx, a) ->
        failing(() -> GraphQL.parseQuery(Operands.string(a, 0))));
    r.function("graphql.parse_schema", Signature.of(OBJECT, STRING), (ctx, a) ->
        failing(() -> GraphQL.parseSchema(Operands.string(a, 0))));
    r.function("graphql.parse", Signature.of(Type.ANY_ARRAY, DOC, DOC), (ctx, a) -> {
      checkDocument(a, 0);
      checkDocument(a, 1);
      return failing(() -> {
        GraphQL.Checked c = GraphQL.check(a[0], a[1]);
        return ArrayValue.of(c.query(), c.schema());
      });
    });
    r.function("graphql.parse_and_verify", Signature.of(Type.ANY_ARRAY, DOC, DOC), (ctx, a) -> {
      try {
        GraphQL.Checked c = GraphQL.check(a[0], a[1]);
        return ArrayValue.of(BooleanValue.TRUE, c.query(), c.schema());
      } catch (GraphQL.GraphQLError e) {
        return ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
      }
    });
    r.function("graphql.is_valid", Signature.of(BOOLEAN, DOC, DOC), (ctx, a) -> {
      try {
        GraphQL.check(a[0], a[1]);
        return BooleanValue.TRUE;
      } catch (GraphQL.GraphQLError e) {
        return BooleanValue.FALSE;
      }
    });
    r.function("graphql.schema_is_valid", Signature.of(BOOLEAN, DOC), (ctx, a) -> {
      try {
        GraphQL.checkSchema(a[0]);
        return BooleanValue.TRUE;
      } catch (GraphQL.GraphQLError e) {
        return BooleanValue.FALSE;
      }
    });
  }

  /** OPA names operands 0 and 1 here. */
  private static void checkDocument(Value[] a, int i) {
    if (!(a[i] instanceof StringValue) && !(a[i] instanceof ObjectValue)) {
      throw BuiltinException.operandType(i, "one of {string, object}", a[i]);
    }
  }

  private static Value failing(java.util.function.Supplier<Value> body) {
    try {
      return body.get();
    } catch (GraphQL.GraphQLError e) {
      throw BuiltinException.error(e.getMessage());
    }
  }
}
