package dev.verdict.service.bundle;

import dev.verdict.SourceFile;
import dev.verdict.load.DataFiles;
import dev.verdict.load.LoadException;
import dev.verdict.service.store.Bundle;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns an archive's files into a {@link Bundle} as OPA reads bundles: {@code .rego} files are
 * policies, files named {@code data.json}, {@code data.yaml} or {@code data.yml} are data placed at
 * their directory's path, {@code .manifest} gives the revision and roots; other files are ignored.
 */
final class BundleReader {

  private BundleReader() {}

  static Bundle read(String name, Map<String, byte[]> files) throws BundleException, LoadException {
    String revision = "";
    List<String> roots = List.of("");
    List<SourceFile> policies = new ArrayList<>();
    List<Bundle.DataFile> data = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String path = e.getKey();
      String base = path.substring(path.lastIndexOf('/') + 1);
      String label = name + "/" + path;
      if (path.equals(".manifest")) {
        ObjectValue manifest = manifest(e.getValue());
        revision = manifest.get("revision") instanceof StringValue r ? r.value() : "";
        roots = roots(manifest);
      } else if (path.endsWith(".rego")) {
        policies.add(new SourceFile(label, utf8(label, e.getValue())));
      } else if (base.equals("data.json") || base.equals("data.yaml") || base.equals("data.yml")) {
        List<String> at = path.contains("/") ? Arrays.asList(path.substring(0, path.lastIndexOf('/')).split("/")) : List.of();
        data.add(new Bundle.DataFile(label, at, DataFiles.parse(label, e.getValue(), DataFiles.isYaml(base))));
      }
    }
    return new Bundle(name, revision, roots, policies, data);
  }

  private static ObjectValue manifest(byte[] bytes) throws BundleException {
    Value v;
    try {
      v = Json.parse(bytes);
    } catch (RuntimeException e) {
      throw new BundleException(".manifest is not valid JSON: " + e.getMessage());
    }
    if (!(v instanceof ObjectValue o)) {
      throw new BundleException(".manifest must be a JSON object");
    }
    if (o.get("rego_version") instanceof NumberValue n && !Json.toJson(n).equals("1")) {
      throw new BundleException(".manifest: rego_version " + Json.toJson(n) + " is not supported (Verdict reads Rego v1)");
    }
    return o;
  }

  /** Manifest roots without surrounding slashes; absent means the whole of data. */
  private static List<String> roots(ObjectValue manifest) throws BundleException {
    Value r = manifest.get("roots");
    if (r == null) {
      return List.of("");
    }
    if (!(r instanceof ArrayValue a)) {
      throw new BundleException(".manifest: roots must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (Value item : a.asList()) {
      if (!(item instanceof StringValue s)) {
        throw new BundleException(".manifest: roots must be an array of strings");
      }
      out.add(s.value().replaceAll("^/+|/+$", ""));
    }
    return out;
  }

  private static String utf8(String label, byte[] bytes) throws BundleException {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BundleException(label + ": not UTF-8 text");
    }
  }
}
