package dev.verdict.bundle;

import dev.verdict.SourceFile;
import dev.verdict.ast.RegoVersion;
import dev.verdict.ast.Term;
import dev.verdict.load.DataTree;
import dev.verdict.load.LoadException;
import dev.verdict.load.Workspace;
import dev.verdict.parser.Parser;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * An OPA bundle: {@code /.manifest} (revision, roots, and {@code rego_version} 0 for v0 policies),
 * the policies at their paths relative to the argument they were found under, and one
 * {@code data.json} per data directory, as {@code opa run -b} and bundle servers expect.
 *
 * @param files bundle path (leading {@code /}) → content, in archive order
 */
public record Bundle(ObjectValue manifest, Map<String, byte[]> files) {

  /** The bundle of what was loaded from {@code roots}; {@code ws} must have compiled. */
  public static Bundle of(Workspace ws, List<String> roots, String revision, RegoVersion version) throws LoadException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<List<String>> owned = new ArrayList<>();
    for (SourceFile policy : ws.policies()) {
      files.put("/" + relative(policy.name(), roots), policy.text().getBytes(StandardCharsets.UTF_8));
      List<Term> path = Parser.parseModule(policy.name(), policy.text(), version).pkg().path().path();
      owned.add(path.stream().map(t -> ((StringValue) ((Term.Scalar) t).value()).value()).toList());
    }
    for (Map.Entry<List<String>, Value> dir : dataByDirectory(ws).entrySet()) {
      List<String> at = dir.getKey();
      files.put("/" + String.join("/", at) + (at.isEmpty() ? "" : "/") + "data.json",
          (Json.toPrettyJson(dir.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
      if (at.isEmpty() && dir.getValue() instanceof ObjectValue o) {
        for (int i = 0; i < o.size(); i++) {
          owned.add(List.of(((StringValue) o.key(i)).value()));
        }
      } else {
        owned.add(at);
      }
    }
    ObjectValue.Builder manifest = ObjectValue.builder()
        .put("revision", StringValue.of(revision))
        .put("roots", ArrayValue.of(roots(owned).stream().map(StringValue::of).toList()));
    if (version == RegoVersion.V0) {
      manifest.put("rego_version", NumberValue.of(0));
    }
    return new Bundle(manifest.build(), files);
  }

  /** The data files of each directory merged into one document (opa reads one per directory). */
  private static Map<List<String>, Value> dataByDirectory(Workspace ws) throws LoadException {
    Map<List<String>, List<Workspace.DataFile>> byDir = new LinkedHashMap<>();
    ws.dataFiles().forEach(f -> byDir.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f));
    Map<List<String>, Value> out = new LinkedHashMap<>();
    for (Map.Entry<List<String>, List<Workspace.DataFile>> dir : byDir.entrySet()) {
      if (dir.getValue().size() == 1) {
        out.put(dir.getKey(), dir.getValue().getFirst().doc());
        continue;
      }
      DataTree merged = new DataTree();
      for (Workspace.DataFile f : dir.getValue()) {
        merged.add(f.name(), List.of(), f.doc());
      }
      out.put(dir.getKey(), merged.build());
    }
    return out;
  }

  /** A file's path below the argument it was found under (its name alone for a file argument). */
  private static String relative(String file, List<String> roots) {
    Path path = Path.of(file).normalize();
    for (String root : roots) {
      Path base = Path.of(root).normalize();
      if (Files.isDirectory(base) && path.startsWith(base) && !path.equals(base)) {
        return base.relativize(path).toString().replace('\\', '/');
      }
    }
    return path.getFileName().toString();
  }

  /** The fewest roots covering every package and data path: none is inside another. */
  private static List<String> roots(List<List<String>> owned) {
    TreeSet<String> all = new TreeSet<>();
    owned.forEach(p -> all.add(String.join("/", p)));
    List<String> kept = new ArrayList<>();
    for (String root : all) {
      boolean covered = kept.stream().anyMatch(k -> k.isEmpty() || root.equals(k) || root.startsWith(k + "/"));
      if (!covered) {
        kept.add(root);
      }
    }
    return kept;
  }

  /** Writes the bundle as a gzipped tar, manifest first, every entry dated at the epoch (reproducible). */
  public void writeTarGz(OutputStream out) throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      entry(tar, "/.manifest", (Json.toPrettyJson(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        entry(tar, file.getKey(), file.getValue());
      }
    }
  }

  private static void entry(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, true); // keeps the leading '/', as opa build writes
    e.setSize(content.length);
    e.setMode(0644);
    e.setModTime(0);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}
