package dev.verdict.parser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.verdict.ast.Annotation;
import dev.verdict.ast.Comment;
import dev.verdict.ast.Import;
import dev.verdict.ast.Location;
import dev.verdict.ast.Node;
import dev.verdict.ast.Package;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.error.RegoException;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code # METADATA} comment blocks. Each block's YAML becomes an annotation object in the shape
 * {@code rego.metadata.rule()} returns (authors and related resources as objects, schema refs as
 * path arrays), scoped as OPA scopes it: a block applies to the next statement, {@code rule}
 * before a rule and {@code package} before a package unless it says otherwise.
 */
final class Metadata {

  private static final YAMLFactory YAML = new YAMLFactory();

  private Metadata() {}

  /** Rule-scoped annotations by rule; every other one belongs to the module. */
  record Attached(List<Annotation> module, Map<Rule, List<Annotation>> byRule) {
    Rule withAnnotations(Rule rule) {
      List<Annotation> annotations = byRule.get(rule);
      return annotations == null
          ? rule
          : new Rule(rule.location(), rule.isDefault(), rule.head(), rule.body(), rule.elseRule(), annotations);
    }
  }

  /** A problem with one block, reported at the block. */
  private static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static Attached attach(List<Comment> comments, List<Node> statements, Errors errors) {
    List<Annotation> module = new ArrayList<>();
    Map<Rule, List<Annotation>> byRule = new IdentityHashMap<>();
    for (List<Comment> block : blocks(comments)) {
      Location at = block.getFirst().location();
      Node target = statements.stream().filter(s -> s.location().row() > at.row()).findFirst().orElse(null);
      try {
        ObjectValue yaml = read(block);
        String scope = yaml.get("scope") instanceof StringValue s ? s.value() : defaultScope(target, yaml);
        checkScope(scope, target, yaml);
        Annotation annotation = new Annotation(at, scope, content(yaml, scope));
        if (scope.equals("rule") && target instanceof Rule rule) {
          byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(annotation);
        } else {
          module.add(annotation);
        }
      } catch (Invalid e) {
        errors.add(at, e.getMessage());
      }
    }
    return new Attached(module, byRule);
  }

  /** A block is a comment starting with METADATA and the comments on the lines right below it, at column 1. */
  private static List<List<Comment>> blocks(List<Comment> comments) {
    List<List<Comment>> blocks = new ArrayList<>();
    List<Comment> current = null;
    Comment previous = null;
    for (Comment c : comments) {
      boolean continues =
          current != null && c.location().row() == previous.location().row() + 1 && c.location().col() == 1;
      if (continues) {
        current.add(c);
      } else if (c.text().strip().startsWith("METADATA")) {
        current = new ArrayList<>(List.of(c));
        blocks.add(current);
      } else {
        current = null;
      }
      previous = c;
    }
    return blocks;
  }

  private static ObjectValue read(List<Comment> block) throws Invalid {
    StringBuilder yaml = new StringBuilder();
    for (Comment line : block.subList(1, block.size())) {
      String text = line.text();
      yaml.append(text.startsWith(" ") ? text.substring(1) : text).append('\n');
    }
    if (yaml.toString().isBlank()) {
      throw new Invalid("expected METADATA block, found whitespace");
    }
    try (JsonParser parser = YAML.createParser(yaml.toString())) {
      parser.nextToken();
      if (Json.read(parser) instanceof ObjectValue object) {
        return object;
      }
      throw new Invalid("expected METADATA block to be a YAML mapping");
    } catch (JsonProcessingException e) {
      throw new Invalid("yaml: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string source cannot fail to read
    }
  }

  private static String defaultScope(Node target, ObjectValue yaml) {
    return switch (target) {
      case Rule r -> yaml.get("entrypoint") == BooleanValue.TRUE ? "document" : "rule";
      case Package p -> "package";
      case Import i -> "import"; // not a scope: reported below, as OPA does
      case null, default -> "";
    };
  }

  private static void checkScope(String scope, Node target, ObjectValue yaml) throws Invalid {
    String want =
        switch (scope) {
          case "rule", "document" -> target instanceof Rule ? null : "rule";
          case "package", "subpackages" -> target instanceof Package ? null : "package";
          default -> throw new Invalid("invalid annotation scope '" + scope
              + "'. Use one of 'rule', 'document', 'package', or 'subpackages'");
        };
    if (want != null) {
      String have = target == null ? "" : " (have " + (target instanceof Package ? "package" : target instanceof Import ? "import" : "rule") + ")";
      throw new Invalid("annotation scope '" + scope + "' must be applied to " + want + have);
    }
    if (yaml.get("entrypoint") == BooleanValue.TRUE && !scope.equals("document") && !scope.equals("package")) {
      throw new Invalid("annotation entrypoint applied to non-document or package scope '" + scope + "'");
    }
  }

  /** The annotation as an object, in OPA's shape; unknown keys are dropped as OPA drops them. */
  private static ObjectValue content(ObjectValue yaml, String scope) throws Invalid {
    ObjectValue.Builder out = ObjectValue.builder().put("scope", StringValue.of(scope));
    for (String key : List.of("title", "description")) {
      String text = string(yaml.get(key));
      if (!text.isEmpty()) {
        out.put(key, StringValue.of(text));
      }
    }
    if (yaml.get("entrypoint") == BooleanValue.TRUE) {
      out.put("entrypoint", BooleanValue.TRUE);
    }
    putList(out, "organizations", yaml, v -> StringValue.of(string(v)));
    putList(out, "related_resources", yaml, Metadata::relatedResource);
    putList(out, "authors", yaml, Metadata::author);
    putList(out, "schemas", yaml, Metadata::schema);
    if (yaml.get("custom") instanceof ObjectValue custom && !custom.isEmpty()) {
      out.put("custom", custom);
    }
    return out.build();
  }

  private interface Conversion {
    Value apply(Value v) throws Invalid;
  }

  private static void putList(ObjectValue.Builder out, String key, ObjectValue yaml, Conversion each) throws Invalid {
    Value list = yaml.get(key);
    if (list == null) {
      return;
    }
    if (!(list instanceof ArrayValue array)) {
      throw new Invalid("invalid " + key + ": expected a list");
    }
    if (array.isEmpty()) {
      return;
    }
    List<Value> converted = new ArrayList<>();
    for (Value v : array.asList()) {
      converted.add(each.apply(v));
    }
    out.put(key, ArrayValue.of(converted));
  }

  /** YAML scalars read as text, as OPA's YAML decoding into string fields does. */
  private static String string(Value v) {
    return switch (v) {
      case null -> "";
      case StringValue s -> s.value();
      default -> v.isScalar() ? v.toString() : "";
    };
  }

  private static Value relatedResource(Value v) throws Invalid {
    String ref;
    String description = "";
    if (v instanceof StringValue s) {
      ref = s.value();
      if (ref.isEmpty()) {
        throw invalid("related-resource", v, "ref URL may not be empty string");
      }
    } else if (v instanceof ObjectValue o) {
      ref = string(o.get("ref")).strip();
      description = string(o.get("description")).strip();
      if (ref.isEmpty()) {
        throw invalid("related-resource", v, "'ref' value required in object");
      }
    } else {
      throw invalid("related-resource", v, "invalid value type, must be string or map");
    }
    return fields("ref", ref, "description", description);
  }

  private static Value author(Value v) throws Invalid {
    String name;
    String email = "";
    if (v instanceof StringValue s) {
      // "Jane Doe <jane@example.com>": a last word in angle brackets is the email.
      List<String> words = new ArrayList<>(List.of(s.value().strip().split("\\s+")));
      if (words.getFirst().isEmpty()) {
        throw invalid("author", v, "author is an empty string");
      }
      String last = words.getLast();
      if (last.length() >= 2 && last.startsWith("<") && last.endsWith(">")) {
        email = last.substring(1, last.length() - 1);
        words.removeLast();
      }
      name = String.join(" ", words);
    } else if (v instanceof ObjectValue o) {
      name = string(o.get("name")).strip();
      email = string(o.get("email")).strip();
      if (name.isEmpty() && email.isEmpty()) {
        throw invalid("author", v, "'name' and/or 'email' values required in object");
      }
    } else {
      throw invalid("author", v, "invalid value type, must be string or map");
    }
    return fields("name", name, "email", email);
  }

  private static Invalid invalid(String what, Value v, String why) {
    return new Invalid("invalid " + what + " definition " + v.toRego() + ": " + why);
  }

  /** An object of the non-empty fields among the given name/value pairs. */
  private static ObjectValue fields(String... namesAndValues) {
    ObjectValue.Builder out = ObjectValue.builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!namesAndValues[i + 1].isEmpty()) {
        out.put(namesAndValues[i], StringValue.of(namesAndValues[i + 1]));
      }
    }
    return out.build();
  }

  /** {@code - input.x: schema.y} or {@code - input.x: {definition}}: paths as arrays of names. */
  private static Value schema(Value v) throws Invalid {
    if (!(v instanceof ObjectValue entry) || entry.size() != 1 || !(entry.key(0) instanceof StringValue path)) {
      throw new Invalid("invalid schema declaration");
    }
    ObjectValue.Builder out = ObjectValue.builder().put("path", pathArray(path.value(), "invalid document reference"));
    Value declared = entry.value(0);
    switch (declared) {
      case StringValue ref -> {
        ArrayValue schema = pathArray(ref.value(), "invalid schema reference");
        if (!schema.get(0).equals(StringValue.of("schema"))) {
          throw new Invalid("invalid schema reference");
        }
        out.put("schema", schema);
      }
      case ObjectValue definition -> out.put("definition", definition);
      default -> throw new Invalid("invalid schema declaration for path \"" + path.value() + "\"");
    }
    return out.build();
  }

  private static ArrayValue pathArray(String text, String problem) throws Invalid {
    Term term;
    try {
      term = Parser.parseTerm("", text);
    } catch (RegoException e) {
      throw new Invalid(problem);
    }
    Term.Ref ref = term instanceof Term.Ref r ? r : new Term.Ref(term.location(), term, List.of());
    List<Value> names = new ArrayList<>();
    names.add(StringValue.of(ref.head() instanceof Term.Var var ? var.name() : ""));
    for (Term element : ref.path()) {
      if (!(element instanceof Term.Scalar scalar)) {
        throw new Invalid(problem);
      }
      names.add(scalar.value() instanceof StringValue s ? s : StringValue.of(scalar.value().toString()));
    }
    if (names.getFirst().equals(StringValue.EMPTY)) {
      throw new Invalid(problem);
    }
    return ArrayValue.of(names);
  }
}
