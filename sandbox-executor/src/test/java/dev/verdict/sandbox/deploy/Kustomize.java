package dev.verdict.sandbox.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * As much of {@code kubectl kustomize} as deploy/ uses, so that the tests see what would be applied
 * without a kubectl: resources (files, or directories with their own kustomization), ConfigMap
 * generators ({@code key=file}, no name suffix), the namespace, and strategic-merge patches (from a
 * file or inline) with Kubernetes' merge keys for the lists they touch, kustomize's order of merged
 * list items, and {@code $patch: delete}.
 * Every file named must exist and every patch must find its target.
 */
final class Kustomize {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Lists merged item by item, by this key (Kubernetes' patchMergeKey); other lists are replaced whole. */
  private static final Map<String, String> MERGE_KEYS = Map.of(
      "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
      "volumeMounts", "mountPath", "ports", "containerPort");

  private Kustomize() {}

  /** The objects the kustomization in {@code dir} makes. */
  static List<JsonNode> render(Path dir) {
    JsonNode k = readOne(dir.resolve("kustomization.yaml"));
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : k.path("resources")) {
      Path p = dir.resolve(r.asText()).normalize();
      if (Files.isDirectory(p)) {
        out.addAll(render(p));
      } else {
        out.addAll(readAll(p));
      }
    }
    for (JsonNode g : k.path("configMapGenerator")) {
      ObjectNode cm = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
      cm.putObject("metadata").put("name", g.path("name").asText());
      ObjectNode data = cm.putObject("data");
      for (JsonNode f : g.path("files")) {
        String spec = f.asText();
        int eq = spec.indexOf('=');
        Path file = dir.resolve(spec.substring(eq + 1)).normalize();
        data.put(eq < 0 ? file.getFileName().toString() : spec.substring(0, eq), read(file));
      }
      out.add(cm);
    }
    for (JsonNode patch : k.path("patches")) {
      List<JsonNode> docs = patch.has("path") ? readAll(dir.resolve(patch.path("path").asText()))
          : parseAll(patch.path("patch").asText());
      docs.forEach(d -> apply(out, d));
    }
    if (k.has("namespace")) {
      out.forEach(o -> {
        if (!o.path("kind").asText().equals("Namespace")) {
          ((ObjectNode) o.path("metadata")).put("namespace", k.path("namespace").asText());
        }
      });
    }
    return out;
  }

  private static void apply(List<JsonNode> objects, JsonNode patch) {
    for (int i = 0; i < objects.size(); i++) {
      JsonNode o = objects.get(i);
      if (o.path("kind").equals(patch.path("kind")) && o.path("metadata").path("name").equals(patch.path("metadata").path("name"))) {
        if ("delete".equals(patch.path("$patch").asText())) {
          objects.remove(i);
        } else {
          objects.set(i, merge(o, patch, ""));
        }
        return;
      }
    }
    throw new AssertionError("patch for a missing object: " + patch.path("kind").asText() + " " + patch.path("metadata").path("name"));
  }

  /** Strategic merge of {@code patch} into {@code target} (copies; neither is changed). */
  static JsonNode merge(JsonNode target, JsonNode patch, String field) {
    if (target.isObject() && patch.isObject()) {
      ObjectNode out = target.deepCopy();
      for (Map.Entry<String, JsonNode> e : patch.properties()) {
        if (e.getKey().equals("$patch")) {
          continue;
        }
        JsonNode t = out.get(e.getKey());
        out.set(e.getKey(), t == null ? e.getValue().deepCopy() : merge(t, e.getValue(), e.getKey()));
      }
      return out;
    }
    String key = MERGE_KEYS.get(field);
    if (target.isArray() && patch.isArray() && key != null) {
      // As kustomize orders them: the patch's items first, in its order, then the target's others.
      ArrayNode out = YAML.createArrayNode();
      List<JsonNode> rest = new ArrayList<>();
      target.forEach(rest::add);
      for (JsonNode item : patch) {
        JsonNode match = rest.stream().filter(t -> t.path(key).equals(item.path(key))).findFirst().orElse(null);
        boolean delete = "delete".equals(item.path("$patch").asText());
        if (match == null && delete) {
          throw new AssertionError("deletes a missing " + field + " item: " + item);
        }
        rest.remove(match);
        if (!delete) {
          out.add(match == null ? item.deepCopy() : merge(match, item, ""));
        }
      }
      rest.forEach(t -> out.add(t.deepCopy()));
      return out;
    }
    return patch.deepCopy();
  }

  static JsonNode readOne(Path file) {
    List<JsonNode> docs = readAll(file);
    if (docs.size() != 1) {
      throw new AssertionError(file + " holds " + docs.size() + " documents");
    }
    return docs.get(0);
  }

  static List<JsonNode> readAll(Path file) {
    return parseAll(read(file));
  }

  private static List<JsonNode> parseAll(String yaml) {
    List<JsonNode> docs = new ArrayList<>();
    try (Reader r = new java.io.StringReader(yaml)) {
      YAML.readerFor(JsonNode.class).readValues(r).forEachRemaining(n -> {
        if (n != null && !((JsonNode) n).isMissingNode() && !((JsonNode) n).isNull()) {
          docs.add((JsonNode) n);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  private static String read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(file + " does not exist");
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
