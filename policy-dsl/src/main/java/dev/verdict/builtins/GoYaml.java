package dev.verdict.builtins;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML as OPA reads it through sigs.k8s.io/yaml over go-yaml v2: the first document, plain
 * scalars resolved as YAML 1.1 ({@link GoYamlScalars}), merge keys, and conversion to JSON
 * values (non-string keys become strings, non-finite floats fail). SnakeYAML parses and
 * composes; resolution is done here. Output is {@link GoYamlWriter}.
 */
final class GoYaml {

  private GoYaml() {}

  /** Marks plain scalars, which this class resolves itself. */
  private static final Tag PLAIN = new Tag("tag:verdict.dev,2024:plain");

  private static final class PlainResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {}

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
    }
  }

  private static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setAllowDuplicateKeys(true);
    try {
      Composer composer = new Composer(
          new ParserImpl(new StreamReader(new StringReader(text)), options), new PlainResolver(), options);
      // The first document only, as go-yaml's Unmarshal.
      return composer.checkNode() ? composer.getNode() : null;
    } catch (MarkedYAMLException e) {
      throw new DecodeError(message(e));
    } catch (YAMLException e) {
      throw new DecodeError("yaml: " + e.getMessage());
    }
  }

  /** go-yaml's wording: "yaml: line N: did not find expected ',' or ']'". */
  private static String message(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
    int but = problem.indexOf(", but ");
    if (problem.startsWith("expected ") && but > 0) {
      problem = "did not find " + problem.substring(0, but);
    }
    int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
    return line > 0 ? "yaml: line " + line + ": " + problem : "yaml: " + problem;
  }

  static boolean valid(String text) {
    try {
      Node n = compose(text);
      if (n != null) {
        resolveTree(n, false);
      }
      return true;
    } catch (DecodeError e) {
      return false;
    }
  }

  /** The JSON value of the first document (null for an empty stream). */
  static Value parse(String text) {
    Node n = compose(text);
    return n == null ? NullValue.NULL : resolveTree(n, true);
  }

  private static Value resolveTree(Node n, boolean json) {
    Object v = resolve(n, json);
    return toValue(v, json);
  }

  private static Value toValue(Object v, boolean json) {
    if (v instanceof GoYamlScalars.NonFinite nf) {
      if (json) {
        throw new DecodeError("json: unsupported value: " + nf.text());
      }
      return NullValue.NULL;
    }
    return (Value) v;
  }

  private static Object resolve(Node n, boolean json) {
    switch (n) {
      case ScalarNode s -> {
        return scalar(s);
      }
      case SequenceNode s -> {
        List<Value> items = new ArrayList<>();
        for (Node child : s.getValue()) {
          items.add(toValue(resolve(child, json), json));
        }
        return ArrayValue.of(items);
      }
      case MappingNode m -> {
        ObjectValue.Builder b = ObjectValue.builder();
        mapping(m, b, json);
        return b.build();
      }
      default -> throw new DecodeError("yaml: unsupported node");
    }
  }

  private static void mapping(MappingNode m, ObjectValue.Builder b, boolean json) {
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (k instanceof ScalarNode ks && ks.getTag().equals(PLAIN) && ks.getValue().equals("<<")) {
        merge(t.getValueNode(), b, json);
        continue;
      }
      Object key = resolve(k, json);
      b.put(StringValue.of(keyString(key, json)), toValue(resolve(t.getValueNode(), json), json));
    }
  }

  private static void merge(Node v, ObjectValue.Builder b, boolean json) {
    if (v instanceof MappingNode m) {
      mapping(m, b, json);
    } else if (v instanceof SequenceNode s) {
      for (Node child : s.getValue()) {
        if (!(child instanceof MappingNode m)) {
          throw new DecodeError("yaml: map merge requires map or sequence of maps as the value");
        }
        mapping(m, b, json);
      }
    } else {
      throw new DecodeError("yaml: map merge requires map or sequence of maps as the value");
    }
  }

  /** How sigs.k8s.io/yaml turns a map key into a JSON object key. */
  private static String keyString(Object key, boolean json) {
    return switch (key) {
      case StringValue s -> s.value();
      case BooleanValue b -> b.value() ? "true" : "false";
      case NumberValue n when n.isInteger() -> n.toString();
      case NumberValue n -> GoStrconv.formatFloat((float) n.doubleValue(), 'g', -1);
      case GoYamlScalars.NonFinite nf -> nf.text().equals("NaN") ? ".nan" : nf.text().startsWith("-") ? "-.inf" : ".inf";
      case NullValue n -> {
        if (json) {
          throw new DecodeError("unsupported map key of type: <nil>");
        }
        yield "null";
      }
      default -> {
        if (json) {
          throw new DecodeError("yaml: invalid map key: " + key);
        }
        yield String.valueOf(key);
      }
    };
  }

  private static Object scalar(ScalarNode s) {
    String v = s.getValue();
    Tag tag = s.getTag();
    if (tag.equals(PLAIN)) {
      return GoYamlScalars.resolve(v);
    }
    if (tag.equals(Tag.BINARY)) {
      return StringValue.of(GoStrings.fromUtf8(Base64.getMimeDecoder().decode(v)));
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
      Object r = GoYamlScalars.resolve(v);
      if (!(r instanceof StringValue)) {
        return r;
      }
      throw new DecodeError("yaml: cannot decode !!" + tag.getValue().substring(tag.getValue().lastIndexOf(':') + 1)
          + " `" + v + "`");
    }
    return StringValue.of(v);
  }

}