package dev.verdict.builtins.graphql;

import dev.verdict.builtins.graphql.GqlLexer.Kind;
import dev.verdict.builtins.graphql.GqlLexer.Token;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A recursive-descent parser following gqlparser's, step for step, so that documents, errors
 * and error positions are the ones OPA reports. It builds OPA's view of gqlparser's AST directly:
 * Go field names, positions dropped, null and empty members left out.
 */
public final class GqlParser {

  /** A syntax error: gqlparser's message and where it happened. */
  public static final class SyntaxError extends RuntimeException {
    public final int line;
    public final int column;

    SyntaxError(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private static final Set<String> LOCATIONS = Set.of("QUERY", "MUTATION", "SUBSCRIPTION", "FIELD",
      "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR",
      "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE",
      "INPUT_OBJECT", "INPUT_FIELD_DEFINITION");

  private final GqlLexer lexer;
  private Token peeked;
  private Token prev;

  private GqlParser(String src) {
    this.lexer = new GqlLexer(src);
  }

  public static ObjectValue parseQuery(String src) {
    return new GqlParser(src).queryDocument();
  }

  public static ObjectValue parseSchema(String src) {
    return new GqlParser(src).schemaDocument();
  }

  // --- token plumbing ---

  private Token peek() {
    if (peeked == null) {
      try {
        peeked = lexer.next();
      } catch (GqlLexer.LexError e) {
        throw new SyntaxError(e.getMessage(), e.line, e.column);
      }
    }
    return peeked;
  }

  private Token next() {
    Token t = peek();
    peeked = null;
    prev = t;
    return t;
  }

  private SyntaxError error(Token at, String message) {
    return new SyntaxError(message, at.line(), at.column());
  }

  private SyntaxError unexpected(Token t) {
    return error(t, "Unexpected " + t);
  }

  private boolean skip(Kind kind) {
    if (peek().kind() == kind) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(Kind kind) {
    Token t = peek();
    if (t.kind() == kind) {
      return next();
    }
    throw error(t, "Expected " + kind + ", found " + t.kind());
  }

  private void expectKeyword(String keyword) {
    Token t = peek();
    if (t.kind() == Kind.NAME && t.value().equals(keyword)) {
      next();
      return;
    }
    throw error(t, "Expected " + GqlLexer.quote(keyword) + ", found " + t);
  }

  /** gqlparser's many: the items between start and end, when start is there. */
  private List<Value> many(Kind start, Kind end, Supplier<Value> item) {
    List<Value> items = new ArrayList<>();
    if (!skip(start)) {
      return items;
    }
    while (peek().kind() != end) {
      items.add(item.get());
    }
    next();
    return items;
  }

  /** gqlparser's some: like many, but at least one item. */
  private List<Value> some(Kind start, Kind end, Supplier<Value> item) {
    List<Value> items = new ArrayList<>();
    if (!skip(start)) {
      return items;
    }
    while (peek().kind() != end) {
      items.add(item.get());
    }
    if (items.isEmpty()) {
      throw error(peek(), "expected at least one definition, found " + peek().kind());
    }
    next();
    return items;
  }

  private String name() {
    return expect(Kind.NAME).value();
  }

  // --- queries ---

  private ObjectValue queryDocument() {
    List<Value> operations = new ArrayList<>();
    List<Value> fragments = new ArrayList<>();
    while (peek().kind() != Kind.EOF) {
      Token t = peek();
      if (t.kind() == Kind.NAME) {
        switch (t.value()) {
          case "query", "mutation", "subscription" -> operations.add(operation());
          case "fragment" -> fragments.add(fragmentDefinition());
          default -> throw unexpected(t);
        }
      } else if (t.kind() == Kind.BRACE_L) {
        operations.add(operation());
      } else {
        throw unexpected(t);
      }
    }
    return new Node().list("Operations", operations).list("Fragments", fragments).build();
  }

  private Value operation() {
    if (peek().kind() == Kind.BRACE_L) {
      return new Node().str("Operation", "query").str("Name", "").list("SelectionSet", requiredSelectionSet()).build();
    }
    Node op = new Node().str("Operation", operationType());
    op.str("Name", peek().kind() == Kind.NAME ? next().value() : "");
    op.list("VariableDefinitions", many(Kind.PAREN_L, Kind.PAREN_R, this::variableDefinition));
    op.list("Directives", directives(false));
    return op.list("SelectionSet", requiredSelectionSet()).build();
  }

  private String operationType() {
    Token t = next();
    return switch (t.value()) {
      case "query", "mutation", "subscription" -> t.value();
      default -> throw unexpected(t);
    };
  }

  private Value variableDefinition() {
    Node def = new Node().str("Variable", variable());
    expect(Kind.COLON);
    def.put("Type", typeReference());
    if (skip(Kind.EQUALS)) {
      def.put("DefaultValue", valueLiteral(true));
    }
    return def.list("Directives", directives(false)).put("Used", BooleanValue.FALSE).build();
  }

  private String variable() {
    expect(Kind.DOLLAR);
    return name();
  }

  private List<Value> requiredSelectionSet() {
    if (peek().kind() != Kind.BRACE_L) {
      throw error(peek(), "Expected " + Kind.BRACE_L + ", found " + peek().kind());
    }
    return some(Kind.BRACE_L, Kind.BRACE_R, this::selection);
  }

  private Value selection() {
    return peek().kind() == Kind.SPREAD ? fragment() : field();
  }

  private Value field() {
    String alias = name();
    String fieldName = skip(Kind.COLON) ? name() : alias;
    Node f = new Node().str("Alias", alias).str("Name", fieldName);
    f.list("Arguments", arguments(false));
    f.list("Directives", directives(false));
    if (peek().kind() == Kind.BRACE_L) {
      f.list("SelectionSet", some(Kind.BRACE_L, Kind.BRACE_R, this::selection));
    }
    return f.build();
  }

  private List<Value> arguments(boolean isConst) {
    return many(Kind.PAREN_L, Kind.PAREN_R, () -> {
      Node arg = new Node().str("Name", name());
      expect(Kind.COLON);
      return arg.put("Value", valueLiteral(isConst)).build();
    });
  }

  private Value fragment() {
    expect(Kind.SPREAD);
    Token t = peek();
    if (t.kind() == Kind.NAME && !t.value().equals("on")) {
      return new Node().str("Name", fragmentName()).list("Directives", directives(false)).build();
    }
    Node inline = new Node();
    String typeCondition = "";
    if (peek().value().equals("on")) {
      next();
      typeCondition = name();
    }
    inline.str("TypeCondition", typeCondition);
    inline.list("Directives", directives(false));
    return inline.list("SelectionSet", requiredSelectionSet()).build();
  }

  private Value fragmentDefinition() {
    expectKeyword("fragment");
    Node def = new Node().str("Name", fragmentName());
    def.list("VariableDefinition", many(Kind.PAREN_L, Kind.PAREN_R, this::variableDefinition));
    expectKeyword("on");
    def.str("TypeCondition", name());
    def.list("Directives", directives(false));
    return def.list("SelectionSet", requiredSelectionSet()).build();
  }

  private String fragmentName() {
    if (peek().value().equals("on")) {
      throw unexpected(peek());
    }
    return name();
  }

  private Value valueLiteral(boolean isConst) {
    Token t = peek();
    int kind;
    switch (t.kind()) {
      case BRACKET_L -> {
        List<Value> children = many(Kind.BRACKET_L, Kind.BRACKET_R,
            () -> new Node().str("Name", "").put("Value", valueLiteral(isConst)).build());
        return value("", 8, children);
      }
      case BRACE_L -> {
        List<Value> children = many(Kind.BRACE_L, Kind.BRACE_R, () -> {
          Node field = new Node().str("Name", name());
          expect(Kind.COLON);
          return field.put("Value", valueLiteral(isConst)).build();
        });
        return value("", 9, children);
      }
      case DOLLAR -> {
        if (isConst) {
          throw unexpected(t);
        }
        return value(variable(), 0, List.of());
      }
      case INT -> kind = 1;
      case FLOAT -> kind = 2;
      case STRING -> kind = 3;
      case BLOCK_STRING -> kind = 4;
      case NAME -> kind = switch (t.value()) {
        case "true", "false" -> 5;
        case "null" -> 6;
        default -> 7;
      };
      default -> throw unexpected(t);
    }
    next();
    return value(t.value(), kind, List.of());
  }

  /** gqlparser's ast.Value: Raw, Kind (Variable=0 … Object=9), Children. */
  private static Value value(String raw, int kind, List<Value> children) {
    return new Node().str("Raw", raw).list("Children", children).put("Kind", NumberValue.of(kind))
        .put("ExpectedTypeHasDefault", BooleanValue.FALSE).build();
  }

  private List<Value> directives(boolean isConst) {
    List<Value> out = new ArrayList<>();
    while (peek().kind() == Kind.AT) {
      expect(Kind.AT);
      Node d = new Node().str("Name", name());
      d.list("Arguments", arguments(isConst));
      out.add(d.str("Location", "").build());
    }
    return out;
  }

  private Value typeReference() {
    Node t = new Node();
    if (skip(Kind.BRACKET_L)) {
      t.put("Elem", typeReference());
      expect(Kind.BRACKET_R);
      t.str("NamedType", "");
    } else {
      t.str("NamedType", name());
    }
    return t.put("NonNull", BooleanValue.of(skip(Kind.BANG))).build();
  }

  // --- schemas ---

  private ObjectValue schemaDocument() {
    List<Value> schema = new ArrayList<>();
    List<Value> schemaExtensions = new ArrayList<>();
    List<Value> directives = new ArrayList<>();
    List<Value> definitions = new ArrayList<>();
    List<Value> extensions = new ArrayList<>();
    while (peek().kind() != Kind.EOF) {
      String description = "";
      boolean described = false;
      if (peek().kind() == Kind.BLOCK_STRING || peek().kind() == Kind.STRING) {
        description = next().value();
        described = true;
      }
      Token t = peek();
      if (t.kind() != Kind.NAME) {
        throw unexpected(t);
      }
      switch (t.value()) {
        case "scalar", "type", "interface", "union", "enum", "input" -> definitions.add(typeDefinition(description, false));
        case "schema" -> schema.add(schemaDefinition(description, false));
        case "directive" -> directives.add(directiveDefinition(description));
        case "extend" -> {
          if (described && !description.isEmpty()) {
            throw unexpected(prev);
          }
          expectKeyword("extend");
          if (peek().value().equals("schema")) {
            schemaExtensions.add(schemaDefinition("", true));
          } else {
            extensions.add(typeDefinition("", true));
          }
        }
        default -> throw unexpected(t);
      }
    }
    return new Node().list("Schema", schema).list("SchemaExtension", schemaExtensions).list("Directives", directives)
        .list("Definitions", definitions).list("Extensions", extensions).build();
  }

  private Value schemaDefinition(String description, boolean extension) {
    expectKeyword("schema");
    Node def = new Node().str("Description", description);
    List<Value> dirs = directives(true);
    List<Value> ops = some(Kind.BRACE_L, Kind.BRACE_R, () -> {
      Node op = new Node().str("Operation", operationType());
      expect(Kind.COLON);
      return op.str("Type", name()).build();
    });
    if (extension && dirs.isEmpty() && ops.isEmpty()) {
      throw unexpected(peek());
    }
    return def.list("Directives", dirs).list("OperationTypes", ops).build();
  }

  private Value typeDefinition(String description, boolean extension) {
    Token t = peek();
    if (t.kind() != Kind.NAME) {
      throw unexpected(t);
    }
    String keyword = t.value();
    String kind = switch (keyword) {
      case "scalar" -> "SCALAR";
      case "type" -> "OBJECT";
      case "interface" -> "INTERFACE";
      case "union" -> "UNION";
      case "enum" -> "ENUM";
      case "input" -> "INPUT_OBJECT";
      default -> throw unexpected(t);
    };
    expectKeyword(keyword);
    Node def = new Node().str("Kind", kind).str("Description", description).str("Name", name());
    List<Value> interfaces = List.of();
    List<Value> fields = List.of();
    List<Value> types = List.of();
    List<Value> values = List.of();
    List<Value> dirs;
    switch (kind) {
      case "OBJECT" -> {
        interfaces = implementsInterfaces();
        dirs = directives(true);
        fields = some(Kind.BRACE_L, Kind.BRACE_R, this::fieldDefinition);
      }
      case "INTERFACE" -> {
        // gqlparser reads "implements" on interface definitions but not on their extensions
        interfaces = extension ? List.of() : implementsInterfaces();
        dirs = directives(true);
        fields = some(Kind.BRACE_L, Kind.BRACE_R, this::fieldDefinition);
      }
      case "UNION" -> {
        dirs = directives(true);
        types = unionMembers();
      }
      case "ENUM" -> {
        dirs = directives(true);
        values = some(Kind.BRACE_L, Kind.BRACE_R, () -> {
          Node v = new Node().str("Description", description()).str("Name", name());
          return v.list("Directives", directives(true)).build();
        });
      }
      case "INPUT_OBJECT" -> {
        dirs = directives(!extension);
        fields = some(Kind.BRACE_L, Kind.BRACE_R, this::inputValueDefinition);
      }
      default -> dirs = directives(true);
    }
    if (extension && interfaces.isEmpty() && dirs.isEmpty() && fields.isEmpty() && types.isEmpty() && values.isEmpty()) {
      throw unexpected(peek());
    }
    return def.list("Directives", dirs).list("Interfaces", interfaces).list("Fields", fields).list("Types", types)
        .list("EnumValues", values).put("BuiltIn", BooleanValue.FALSE).build();
  }

  private String description() {
    Token t = peek();
    return t.kind() == Kind.BLOCK_STRING || t.kind() == Kind.STRING ? next().value() : "";
  }

  private List<Value> implementsInterfaces() {
    List<Value> types = new ArrayList<>();
    if (peek().value().equals("implements")) {
      next();
      skip(Kind.AMP);
      types.add(StringValue.of(name()));
      while (skip(Kind.AMP)) {
        types.add(StringValue.of(name()));
      }
    }
    return types;
  }

  private List<Value> unionMembers() {
    List<Value> types = new ArrayList<>();
    if (skip(Kind.EQUALS)) {
      skip(Kind.PIPE);
      types.add(StringValue.of(name()));
      while (skip(Kind.PIPE)) {
        types.add(StringValue.of(name()));
      }
    }
    return types;
  }

  private Value fieldDefinition() {
    Node def = new Node().str("Description", description()).str("Name", name());
    def.list("Arguments", some(Kind.PAREN_L, Kind.PAREN_R, this::inputValueDefinition));
    expect(Kind.COLON);
    def.put("Type", typeReference());
    return def.list("Directives", directives(true)).build();
  }

  /** Arguments and input fields: description, name, type, default, directives. */
  private Value inputValueDefinition() {
    Node def = new Node().str("Description", description()).str("Name", name());
    expect(Kind.COLON);
    def.put("Type", typeReference());
    if (skip(Kind.EQUALS)) {
      def.put("DefaultValue", valueLiteral(true));
    }
    return def.list("Directives", directives(true)).build();
  }

  private Value directiveDefinition(String description) {
    expectKeyword("directive");
    expect(Kind.AT);
    Node def = new Node().str("Description", description).str("Name", name());
    def.list("Arguments", some(Kind.PAREN_L, Kind.PAREN_R, this::inputValueDefinition));
    boolean repeatable = false;
    if (peek().kind() == Kind.NAME && peek().value().equals("repeatable")) {
      repeatable = true;
      next();
    }
    expectKeyword("on");
    List<Value> locations = new ArrayList<>();
    skip(Kind.PIPE);
    locations.add(directiveLocation());
    while (skip(Kind.PIPE)) {
      locations.add(directiveLocation());
    }
    return def.list("Locations", locations).put("IsRepeatable", BooleanValue.of(repeatable)).build();
  }

  private Value directiveLocation() {
    Token t = expect(Kind.NAME);
    if (!LOCATIONS.contains(t.value())) {
      throw unexpected(t);
    }
    return StringValue.of(t.value());
  }

  /** An AST node as OPA shows it: empty lists are left out, as its pruning does. */
  static final class Node {
    private final ObjectValue.Builder b = ObjectValue.builder();

    Node str(String key, String value) {
      b.put(key, StringValue.of(value));
      return this;
    }

    Node put(String key, Value value) {
      if (value != null) {
        b.put(key, value);
      }
      return this;
    }

    Node list(String key, List<Value> items) {
      if (!items.isEmpty()) {
        b.put(key, ArrayValue.of(items));
      }
      return this;
    }

    ObjectValue build() {
      return b.build();
    }
  }
}
