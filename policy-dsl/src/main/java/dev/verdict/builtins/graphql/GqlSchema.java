package dev.verdict.builtins.graphql;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A schema document merged with gqlparser's prelude and checked by the rules of gqlparser's
 * ValidateSchemaDocument (OPA's notion of a valid schema: no Query type needed, extensions of
 * undeclared types allowed). Works on the AST values {@link GqlParser} builds.
 */
public final class GqlSchema {

  /** The first rule a schema breaks, worded as gqlparser words it. */
  public static final class InvalidSchema extends RuntimeException {
    public InvalidSchema(String message) {
      super(message, null, false, false);
    }
  }

  static final Set<String> BUILTIN_SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID");
  static final Set<String> BUILTIN_DIRECTIVES = Set.of("include", "skip", "deprecated", "specifiedBy", "defer", "oneOf");
  private static final Set<String> INTROSPECTION_OBJECTS = Set.of(
      "__Schema", "__Type", "__Field", "__InputValue", "__EnumValue", "__Directive");
  private static final Map<String, List<String>> BUILTIN_DIRECTIVE_LOCATIONS = Map.of(
      "include", List.of("FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"),
      "skip", List.of("FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"),
      "deprecated", List.of("FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE"),
      "specifiedBy", List.of("SCALAR"),
      "defer", List.of("FRAGMENT_SPREAD", "INLINE_FRAGMENT"),
      "oneOf", List.of("INPUT_OBJECT"));

  /** A type with its extensions folded in. */
  static final class Type {
    final String kind;
    final String name;
    final boolean builtIn;
    final List<ObjectValue> directives = new ArrayList<>();
    final List<String> interfaces = new ArrayList<>();
    final List<ObjectValue> fields = new ArrayList<>();
    final List<String> types = new ArrayList<>();
    final List<ObjectValue> enumValues = new ArrayList<>();

    Type(String kind, String name, boolean builtIn) {
      this.kind = kind;
      this.name = name;
      this.builtIn = builtIn;
    }

    void add(ObjectValue def) {
      objects(def, "Directives", directives);
      strings(def, "Interfaces", interfaces);
      objects(def, "Fields", fields);
      strings(def, "Types", types);
      objects(def, "EnumValues", enumValues);
    }

    ObjectValue field(String fieldName) {
      for (ObjectValue f : fields) {
        if (str(f, "Name").equals(fieldName)) {
          return f;
        }
      }
      return null;
    }
  }

  /** A directive definition: name, arguments, locations. */
  record Directive(String name, List<ObjectValue> arguments, List<String> locations, boolean builtIn) {}

  final Map<String, Type> types = new TreeMap<>();
  final Map<String, Directive> directives = new TreeMap<>();
  String query;
  String mutation;
  String subscription;

  private GqlSchema() {}

  /** Merges and validates; throws InvalidSchema with gqlparser's message. */
  public static GqlSchema of(ObjectValue doc) {
    GqlSchema s = new GqlSchema();
    s.prelude();
    s.merge(doc);
    return s;
  }

  private void prelude() {
    for (String scalar : BUILTIN_SCALARS) {
      types.put(scalar, new Type("SCALAR", scalar, true));
    }
    for (String object : INTROSPECTION_OBJECTS) {
      types.put(object, new Type("OBJECT", object, true));
    }
    types.put("__TypeKind", new Type("ENUM", "__TypeKind", true));
    types.put("__DirectiveLocation", new Type("ENUM", "__DirectiveLocation", true));
    BUILTIN_DIRECTIVE_LOCATIONS.forEach((name, locations) ->
        directives.put(name, new Directive(name, builtinArguments(name), locations, true)));
  }

  private static List<ObjectValue> builtinArguments(String directive) {
    return switch (directive) {
      case "include", "skip" -> List.of(argument("if", "Boolean", true, false));
      case "deprecated" -> List.of(argument("reason", "String", false, true));
      case "specifiedBy" -> List.of(argument("url", "String", true, false));
      case "defer" -> List.of(argument("if", "Boolean", false, true), argument("label", "String", false, false));
      default -> List.of();
    };
  }

  private static ObjectValue argument(String name, String type, boolean nonNull, boolean hasDefault) {
    ObjectValue.Builder b = ObjectValue.builder().put("Name", StringValue.of(name))
        .put("Type", ObjectValue.builder().put("NamedType", StringValue.of(type))
            .put("NonNull", BooleanValue.of(nonNull)).build());
    if (hasDefault) {
      b.put("DefaultValue", ObjectValue.builder().put("Kind", NumberValue.of(5)).put("Raw", StringValue.of("true")).build());
    }
    return b.build();
  }

  private void merge(ObjectValue doc) {
    for (ObjectValue def : list(doc, "Definitions")) {
      String name = str(def, "Name");
      if (types.containsKey(name)) {
        throw new InvalidSchema("Cannot redeclare type " + name + ".");
      }
      Type t = new Type(str(def, "Kind"), name, false);
      t.add(def);
      types.put(name, t);
    }
    for (ObjectValue ext : list(doc, "Extensions")) {
      String name = str(ext, "Name");
      Type t = types.computeIfAbsent(name, n -> new Type(str(ext, "Kind"), n, false));
      if (!t.kind.equals(str(ext, "Kind"))) {
        throw new InvalidSchema("Cannot extend type " + name + " because the base type is a " + t.kind
            + ", not " + str(ext, "Kind") + ".");
      }
      t.add(ext);
    }
    for (ObjectValue dir : list(doc, "Directives")) {
      String name = str(dir, "Name");
      Directive existing = directives.get(name);
      if (existing != null && !BUILTIN_DIRECTIVES.contains(name)) {
        throw new InvalidSchema("Cannot redeclare directive " + name + ".");
      }
      if (existing == null || !existing.builtIn()) {
        List<String> locations = new ArrayList<>();
        strings(dir, "Locations", locations);
        directives.put(name, new Directive(name, list(dir, "Arguments"), locations, false));
      }
    }
    List<ObjectValue> schemaDefs = list(doc, "Schema");
    if (schemaDefs.size() > 1) {
      throw new InvalidSchema("Cannot have multiple schema entry points, consider schema extensions instead.");
    }
    List<ObjectValue> entries = new ArrayList<>(schemaDefs);
    entries.addAll(list(doc, "SchemaExtension"));
    for (ObjectValue entry : entries) {
      for (ObjectValue op : list(entry, "OperationTypes")) {
        String type = str(op, "Type");
        if (!types.containsKey(type)) {
          throw new InvalidSchema("Schema root " + str(op, "Operation") + " refers to a type " + type
              + " that does not exist.");
        }
        switch (str(op, "Operation")) {
          case "query" -> query = type;
          case "mutation" -> mutation = type;
          default -> subscription = type;
        }
      }
      directivesOn(list(entry, "Directives"), "SCHEMA", null);
    }
    for (Type t : types.values()) {
      if (!t.builtIn) {
        validate(t);
      }
    }
    for (Directive d : directives.values()) {
      if (!d.builtIn()) {
        reservedName(d.name());
        arguments(d.arguments(), d.name());
      }
    }
    if (schemaDefs.isEmpty()) {
      query = query != null ? query : types.containsKey("Query") ? "Query" : null;
      mutation = mutation != null ? mutation : types.containsKey("Mutation") ? "Mutation" : null;
      subscription = subscription != null ? subscription : types.containsKey("Subscription") ? "Subscription" : null;
    }
  }

  private void validate(Type def) {
    boolean input = def.kind.equals("INPUT_OBJECT");
    for (ObjectValue field : def.fields) {
      reservedName(str(field, "Name"));
      typeRef(field);
      arguments(list(field, "Arguments"), null);
      directivesOn(list(field, "Directives"), input ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION", null);
    }
    for (String member : def.types) {
      Type t = types.get(member);
      if (t == null) {
        throw new InvalidSchema("Undefined type " + GqlLexer.quote(member) + ".");
      }
      if (!t.kind.equals("OBJECT")) {
        throw new InvalidSchema(def.kind + " type " + GqlLexer.quote(member) + " must be OBJECT.");
      }
    }
    for (String intf : def.interfaces) {
      implementsInterface(def, intf);
    }
    switch (def.kind) {
      case "OBJECT", "INTERFACE" -> {
        if (def.fields.isEmpty()) {
          throw new InvalidSchema(def.kind + " " + def.name + ": must define one or more fields.");
        }
        for (ObjectValue field : def.fields) {
          Type t = types.get(namedType(field));
          if (t != null && t.kind.equals("INPUT_OBJECT")) {
            throw new InvalidSchema(def.kind + " " + def.name + ": field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.");
          }
        }
      }
      case "ENUM" -> {
        if (def.enumValues.isEmpty()) {
          throw new InvalidSchema(def.kind + " " + def.name + ": must define one or more unique enum values.");
        }
        for (ObjectValue v : def.enumValues) {
          String name = str(v, "Name");
          if (name.equals("true") || name.equals("false") || name.equals("null")) {
            throw new InvalidSchema(def.kind + " " + def.name + ": non-enum value " + name + ".");
          }
          directivesOn(list(v, "Directives"), "ENUM_VALUE", null);
        }
      }
      case "INPUT_OBJECT" -> {
        if (def.fields.isEmpty()) {
          throw new InvalidSchema(def.kind + " " + def.name + ": must define one or more input fields.");
        }
        for (ObjectValue field : def.fields) {
          Type t = types.get(namedType(field));
          if (t != null && !Set.of("SCALAR", "ENUM", "INPUT_OBJECT").contains(t.kind)) {
            throw new InvalidSchema(t.kind + " " + str(field, "Name") + ": field must be one of SCALAR, ENUM, INPUT_OBJECT.");
          }
        }
      }
      default -> {}
    }
    for (int i = 0; i < def.fields.size(); i++) {
      for (int j = i + 1; j < def.fields.size(); j++) {
        if (str(def.fields.get(i), "Name").equals(str(def.fields.get(j), "Name"))) {
          throw new InvalidSchema("Field " + def.name + "." + str(def.fields.get(j), "Name") + " can only be defined once.");
        }
      }
    }
    reservedName(def.name);
    directivesOn(def.directives, def.kind, null);
  }

  private void implementsInterface(Type def, String intfName) {
    Type intf = types.get(intfName);
    if (intf == null) {
      throw new InvalidSchema("Undefined type " + GqlLexer.quote(intfName) + ".");
    }
    if (!intf.kind.equals("INTERFACE")) {
      throw new InvalidSchema(GqlLexer.quote(intfName) + " is a non interface type " + intf.kind + ".");
    }
    for (ObjectValue required : intf.fields) {
      String fieldName = str(required, "Name");
      ObjectValue found = def.field(fieldName);
      if (found == null) {
        throw new InvalidSchema("For " + def.name + " to implement " + intf.name + " it must have a field called "
            + fieldName + ".");
      }
      if (!covariant((ObjectValue) required.get("Type"), (ObjectValue) found.get("Type"))) {
        throw new InvalidSchema("For " + def.name + " to implement " + intf.name + " the field " + fieldName
            + " must have type " + typeString((ObjectValue) required.get("Type")) + ".");
      }
    }
    for (String transitive : intf.interfaces) {
      if (!def.interfaces.contains(transitive)) {
        if (transitive.equals(def.name)) {
          throw new InvalidSchema("Type " + def.name + " cannot implement " + intfName
              + " because it would create a circular reference.");
        }
        throw new InvalidSchema("Type " + def.name + " must implement " + transitive + " because it is implemented by "
            + intfName + ".");
      }
    }
  }

  /** Whether a field of type {@code found} satisfies an interface field of type {@code required}. */
  private boolean covariant(ObjectValue required, ObjectValue found) {
    boolean reqNonNull = bool(required, "NonNull");
    boolean foundNonNull = bool(found, "NonNull");
    if (reqNonNull && !foundNonNull) {
      return false;
    }
    ObjectValue reqElem = (ObjectValue) required.get("Elem");
    ObjectValue foundElem = (ObjectValue) found.get("Elem");
    if (reqElem != null || foundElem != null) {
      return reqElem != null && foundElem != null && covariant(reqElem, foundElem);
    }
    String req = str(required, "NamedType");
    String got = str(found, "NamedType");
    if (req.equals(got)) {
      return true;
    }
    Type gotType = types.get(got);
    Type reqType = types.get(req);
    if (gotType == null || reqType == null) {
      return false;
    }
    return reqType.kind.equals("UNION") && reqType.types.contains(got)
        || reqType.kind.equals("INTERFACE") && gotType.interfaces.contains(req);
  }

  private void arguments(List<ObjectValue> args, String currentDirective) {
    for (ObjectValue arg : args) {
      reservedName(str(arg, "Name"));
      typeRef(arg);
      Type t = types.get(namedType(arg));
      if (!Set.of("SCALAR", "ENUM", "INPUT_OBJECT").contains(t.kind)) {
        throw new InvalidSchema("cannot use " + typeString((ObjectValue) arg.get("Type")) + " as argument "
            + str(arg, "Name") + " because " + t.kind + " is not a valid input type");
      }
      directivesOn(list(arg, "Directives"), "ARGUMENT_DEFINITION", currentDirective);
    }
  }

  private void directivesOn(List<ObjectValue> dirs, String location, String currentDirective) {
    for (ObjectValue dir : dirs) {
      String name = str(dir, "Name");
      reservedName(name);
      if (name.equals(currentDirective)) {
        throw new InvalidSchema("Directive " + name + " cannot refer to itself.");
      }
      Directive def = directives.get(name);
      if (def == null) {
        throw new InvalidSchema("Undefined directive " + name + ".");
      }
      if (!def.locations().contains(location)) {
        throw new InvalidSchema("Directive " + name + " is not applicable on " + location + ".");
      }
      List<ObjectValue> given = list(dir, "Arguments");
      for (ObjectValue arg : given) {
        if (def.arguments().stream().noneMatch(a -> str(a, "Name").equals(str(arg, "Name")))) {
          throw new InvalidSchema("Undefined argument " + str(arg, "Name") + " for directive " + name + ".");
        }
      }
      for (ObjectValue arg : def.arguments()) {
        ObjectValue type = (ObjectValue) arg.get("Type");
        if (bool(type, "NonNull") && arg.get("DefaultValue") == null) {
          ObjectValue supplied = given.stream().filter(g -> str(g, "Name").equals(str(arg, "Name"))).findFirst().orElse(null);
          if (supplied == null || ((ObjectValue) supplied.get("Value")).get("Kind").equals(NumberValue.of(6))) {
            throw new InvalidSchema("Argument " + str(arg, "Name") + " for directive " + name + " cannot be null.");
          }
        }
      }
    }
  }

  private void typeRef(ObjectValue fieldOrArg) {
    String name = namedType(fieldOrArg);
    if (!types.containsKey(name)) {
      throw new InvalidSchema("Undefined type " + name + ".");
    }
  }

  private static void reservedName(String name) {
    if (name.startsWith("__")) {
      throw new InvalidSchema("Name \"" + name + "\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    }
  }

  /** The innermost named type of a field's or argument's Type. */
  static String namedType(ObjectValue fieldOrArg) {
    ObjectValue t = (ObjectValue) fieldOrArg.get("Type");
    while (t.get("Elem") instanceof ObjectValue elem) {
      t = elem;
    }
    return str(t, "NamedType");
  }

  /** gqlparser's Type.String: "[Foo!]!". */
  static String typeString(ObjectValue t) {
    String base = t.get("Elem") instanceof ObjectValue elem ? "[" + typeString(elem) + "]" : str(t, "NamedType");
    return bool(t, "NonNull") ? base + "!" : base;
  }

  // --- small accessors over AST values ---

  static String str(ObjectValue o, String key) {
    return o.get(key) instanceof StringValue s ? s.value() : "";
  }

  static boolean bool(ObjectValue o, String key) {
    return o.get(key) instanceof BooleanValue b && b.value();
  }

  static List<ObjectValue> list(ObjectValue o, String key) {
    List<ObjectValue> out = new ArrayList<>();
    if (o.get(key) instanceof ArrayValue arr) {
      for (Value v : arr.asList()) {
        if (v instanceof ObjectValue item) {
          out.add(item);
        }
      }
    }
    return out;
  }

  private static void objects(ObjectValue o, String key, List<ObjectValue> into) {
    into.addAll(list(o, key));
  }

  private static void strings(ObjectValue o, String key, List<String> into) {
    if (o.get(key) instanceof ArrayValue arr) {
      for (Value v : arr.asList()) {
        if (v instanceof StringValue s) {
          into.add(s.value());
        }
      }
    }
  }

  /** Types by name, for printing. */
  Map<String, Type> userTypes() {
    Map<String, Type> out = new LinkedHashMap<>();
    types.forEach((k, v) -> {
      if (!v.builtIn) {
        out.put(k, v);
      }
    });
    return out;
  }
}
