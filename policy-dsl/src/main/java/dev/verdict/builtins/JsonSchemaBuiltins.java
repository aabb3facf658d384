package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.STRING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.Json;
import dev.verdict.value.NullValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code json.verify_schema} and {@code json.match_schema}: networknt's validator, with its
 * findings restated as the gojsonschema errors OPA reports ({error, type, field, desc}).
 * References to other documents are never fetched: schemas may come from input.
 */
public final class JsonSchemaBuiltins {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Type SCHEMA = Type.anyOf(STRING, Type.objectOf(ANY, ANY));
  private static final Set<String> PRIMITIVE_TYPES =
      Set.of("array", "boolean", "integer", "number", "null", "object", "string");

  private JsonSchemaBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.function("json.verify_schema", Signature.of(Type.ANY_ARRAY, SCHEMA), (ctx, a) -> {
      try {
        compile(node(a[0]));
        return ArrayValue.of(BooleanValue.TRUE, NullValue.NULL);
      } catch (SchemaError e) {
        return ArrayValue.of(BooleanValue.FALSE, StringValue.of("jsonschema: " + e.getMessage()));
      }
    });
    r.function("json.match_schema", Signature.of(Type.ANY_ARRAY, SCHEMA, SCHEMA), (ctx, a) -> {
      try {
        JsonNode document = node(a[0]);
        JsonSchema schema = compile(node(a[1]));
        // gojsonschema checks an instance before descending into it: outer findings come first
        List<ValidationMessage> found = new ArrayList<>(schema.validate(document));
        found.sort(java.util.Comparator.comparingInt(m -> m.getInstanceLocation().getNameCount()));
        List<Value> errors = new ArrayList<>();
        for (ValidationMessage m : found) {
          errors.add(GoJsonSchemaError.of(m));
        }
        return ArrayValue.of(BooleanValue.of(errors.isEmpty()), ArrayValue.of(errors));
      } catch (SchemaError e) {
        throw BuiltinException.error(e.getMessage());
      }
    });
  }

  /** A schema or document that cannot be used, with gojsonschema's message. */
  private static final class SchemaError extends Exception {
    SchemaError(String message) {
      super(message, null, false, false);
    }
  }

  /** OPA's astValueToJSONSchemaLoader: JSON text, or an object/array written as JSON. */
  private static JsonNode node(Value v) throws SchemaError {
    String json = switch (v) {
      case StringValue s -> s.value();
      case ObjectValue o -> Json.toJson(o);
      case ArrayValue arr -> Json.toJson(arr);
      default -> throw new SchemaError("wrong type, expected string or object");
    };
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SchemaError("invalid JSON string");
    }
  }

  private static JsonSchema compile(JsonNode schema) throws SchemaError {
    checkTypes(schema);
    VersionFlag version = SpecVersionDetector.detectOptionalVersion(schema, false).orElse(VersionFlag.V7);
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(version,
        b -> b.schemaLoaders(loaders -> loaders.add(DisallowSchemaLoader.getInstance())));
    try {
      JsonSchema compiled = factory.getSchema(schema);
      compiled.initializeValidators();
      return compiled;
    } catch (JsonSchemaException | IllegalArgumentException e) {
      throw new SchemaError(e.getMessage());
    }
  }

  /** gojsonschema refuses unknown primitive types when it compiles a schema; networknt does not. */
  private static void checkTypes(JsonNode schema) throws SchemaError {
    if (schema.isObject()) {
      JsonNode type = schema.get("type");
      if (type != null) {
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
          if (t.isTextual() && !PRIMITIVE_TYPES.contains(t.asText())) {
            throw new SchemaError("has a primitive type that is NOT VALID -- given: /" + t.asText()
                + "/ Expected valid values are:[array boolean integer number null object string]");
          }
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("enum") && !e.getKey().equals("const") && !e.getKey().equals("examples")
            && !e.getKey().equals("default")) {
          checkTypes(e.getValue());
        }
      }
    } else if (schema.isArray()) {
      for (JsonNode item : schema) {
        checkTypes(item);
      }
    }
  }

  /** A networknt finding in gojsonschema's words. */
  static final class GoJsonSchemaError {
    private GoJsonSchemaError() {}

    /** How gqlparser names a keyword's failure and describes it (from the field and arguments). */
    private record Wording(String type, java.util.function.BiFunction<String, Object[], String> desc) {}

    private static final Map<String, Wording> WORDINGS = Map.ofEntries(
        Map.entry("type", new Wording("invalid_type",
            (f, a) -> "Invalid type. Expected: " + arg(a, 1) + ", given: " + arg(a, 0))),
        Map.entry("required", new Wording("required", (f, a) -> arg(a, 0) + " is required")),
        Map.entry("enum", new Wording("enum", (f, a) -> f + " must be one of the following: " + arg(a, 0))),
        Map.entry("const", new Wording("const", (f, a) -> f + " does not match: " + arg(a, 0))),
        Map.entry("minLength", new Wording("string_gte",
            (f, a) -> "String length must be greater than or equal to " + arg(a, 0))),
        Map.entry("maxLength", new Wording("string_lte",
            (f, a) -> "String length must be less than or equal to " + arg(a, 0))),
        Map.entry("pattern", new Wording("pattern", (f, a) -> "Does not match pattern '" + arg(a, 0) + "'")),
        Map.entry("format", new Wording("format", (f, a) -> "Does not match format '" + arg(a, 0) + "'")),
        Map.entry("minimum", new Wording("number_gte", (f, a) -> "Must be greater than or equal to " + arg(a, 0))),
        Map.entry("maximum", new Wording("number_lte", (f, a) -> "Must be less than or equal to " + arg(a, 0))),
        Map.entry("exclusiveMinimum", new Wording("number_gt", (f, a) -> "Must be greater than " + arg(a, 0))),
        Map.entry("exclusiveMaximum", new Wording("number_lt", (f, a) -> "Must be less than " + arg(a, 0))),
        Map.entry("multipleOf", new Wording("multiple_of", (f, a) -> "Must be a multiple of " + arg(a, 0))),
        Map.entry("minItems", new Wording("array_min_items", (f, a) -> "Array must have at least " + arg(a, 0) + " items")),
        Map.entry("maxItems", new Wording("array_max_items", (f, a) -> "Array must have at most " + arg(a, 0) + " items")),
        Map.entry("minProperties", new Wording("array_min_properties",
            (f, a) -> "Must have at least " + arg(a, 0) + " properties")),
        Map.entry("maxProperties", new Wording("array_max_properties",
            (f, a) -> "Must have at most " + arg(a, 0) + " properties")),
        Map.entry("uniqueItems", new Wording("unique", (f, a) -> "array items must be unique")),
        Map.entry("additionalProperties", new Wording("additional_property_not_allowed",
            (f, a) -> "Additional property " + arg(a, 0) + " is not allowed")),
        Map.entry("additionalItems", new Wording("array_no_additional_items",
            (f, a) -> "No additional items allowed on array")),
        Map.entry("items", new Wording("array_no_additional_items", (f, a) -> "No additional items allowed on array")),
        Map.entry("anyOf", new Wording("number_any_of", (f, a) -> "Must validate at least one schema (anyOf)")),
        Map.entry("oneOf", new Wording("number_one_of", (f, a) -> "Must validate one and only one schema (oneOf)")),
        Map.entry("allOf", new Wording("number_all_of", (f, a) -> "Must validate all the schemas (allOf)")),
        Map.entry("not", new Wording("number_not", (f, a) -> "Must not validate the schema (not)")),
        Map.entry("contains", new Wording("contains", (f, a) -> "At least one of the items must match")),
        Map.entry("dependencies", new Wording("missing_dependency", (f, a) -> "Has a dependency on " + arg(a, 0))),
        Map.entry("dependentRequired", new Wording("missing_dependency", (f, a) -> "Has a dependency on " + arg(a, 0))));

    static Value of(ValidationMessage m) {
      Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
      if (m.getType().equals("required") && m.getProperty() != null) {
        args = new Object[] {m.getProperty()};
      }
      String field = field(m.getInstanceLocation());
      Wording w = WORDINGS.get(m.getType());
      String type = w == null ? m.getType() : w.type();
      String desc = w == null ? m.getMessage() : w.desc().apply(field, args);
      return ObjectValue.builder()
          .put("error", StringValue.of(field + ": " + desc))
          .put("type", StringValue.of(type))
          .put("field", StringValue.of(field))
          .put("desc", StringValue.of(desc))
          .build();
    }

    private static String arg(Object[] args, int i) {
      return i < args.length && args[i] != null ? String.valueOf(args[i]) : "";
    }

    /** gojsonschema's field: dotted path from the root, "(root)" for the root itself. */
    static String field(JsonNodePath path) {
      if (path == null || path.getNameCount() == 0) {
        return "(root)";
      }
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < path.getNameCount(); i++) {
        if (i > 0) {
          b.append('.');
        }
        b.append(path.getElement(i));
      }
      return b.toString();
    }
  }
}
