package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.PolicySet;
import dev.verdict.Verdict;
import dev.verdict.ast.RegoVersion;
import dev.verdict.load.Workspace;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verdict fmt} and {@code verdict build}: flags, files and exit codes. */
class CliFmtBuildTest {

  private static final String MESSY = "package a\np:=1\nq if { input.x==1 }\n";
  private static final String TIDY = "package a\n\np := 1\n\nq if input.x == 1\n";

  @TempDir Path dir;

  @Test
  void fmtPrintsTheFormattedSource() throws IOException {
    Path f = CliHarness.write(dir, "a.rego", MESSY);
    CliHarness.Run r = CliHarness.run("fmt", f.toString());
    assertEquals(0, r.exit(), r.toString());
    assertEquals(TIDY, r.out());
    assertEquals(MESSY, Files.readString(f), "the file is left alone");
  }

  @Test
  void fmtDiffPrintsAUnifiedDiff() throws IOException {
    Path f = CliHarness.write(dir, "a.rego", MESSY);
    CliHarness.Run r = CliHarness.run("fmt", "--diff", f.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("--- a/" + f + "\n+++ b/" + f + "\n@@ "), r.out());
    assertTrue(r.out().contains("\n-p:=1\n") && r.out().contains("\n+p := 1\n"), r.out());
    assertEquals("", CliHarness.run("fmt", "--diff", CliHarness.write(dir, "b.rego", TIDY).toString()).out());
  }

  @Test
  void fmtWriteRewritesOnlyWhatChanges() throws IOException {
    Path messy = CliHarness.write(dir, "p/a.rego", MESSY);
    Path tidy = CliHarness.write(dir, "p/b.rego", TIDY);
    CliHarness.Run r = CliHarness.run("fmt", "--write", dir.toString());
    assertEquals(0, r.exit(), r.toString());
    assertEquals("", r.out());
    assertEquals(TIDY, Files.readString(messy));
    assertEquals(TIDY, Files.readString(tidy));
  }

  @Test
  void fmtFailExitsTwoAndListsFilesThatWouldChange() throws IOException {
    Path messy = CliHarness.write(dir, "a.rego", MESSY);
    Path tidy = CliHarness.write(dir, "b.rego", TIDY);
    CliHarness.Run r = CliHarness.run("fmt", "--fail", messy.toString(), tidy.toString());
    assertEquals(2, r.exit(), r.toString());
    assertEquals(messy + "\n", r.out());
    assertEquals(0, CliHarness.run("fmt", "--fail", tidy.toString()).exit());
    assertEquals(2, CliHarness.run("fmt", "--fail", "--write", messy.toString()).exit(), "fails, and fixes");
    assertEquals(0, CliHarness.run("fmt", "--fail", messy.toString()).exit());
  }

  @Test
  void fmtReadsV0WithTheFlag() throws IOException {
    Path f = CliHarness.write(dir, "a.rego", "package a\np[x] { x := 1 }\n");
    CliHarness.Run r = CliHarness.run("fmt", "--v0-compatible", f.toString());
    assertEquals(0, r.exit(), r.toString());
    assertEquals("package a\n\nimport rego.v1\n\np contains x if x := 1\n", r.out());
    assertEquals(2, CliHarness.run("fmt", f.toString()).exit(), "v1 reads it as an error");
  }

  @Test
  void fmtReportsParseErrorsWithLocationsAndExitsTwo() throws IOException {
    Path f = CliHarness.write(dir, "bad.rego", "package a\np if {\n");
    CliHarness.Run r = CliHarness.run("fmt", "--write", f.toString());
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains(f + ":3:1: rego_parse_error: "), r.err());
    assertEquals("package a\np if {\n", Files.readString(f));
    assertEquals(2, CliHarness.run("fmt", dir.resolve("missing.rego").toString()).exit());
    assertEquals(2, CliHarness.run("fmt").exit(), "usage");
  }

  @Test
  void buildWritesAnOpaBundleThatDecidesAsTheSourcesDo() throws Exception {
    Path bundle = dir.resolve("out/bundle.tar.gz");
    CliHarness.Run r = CliHarness.run("build", "-o", bundle.toString(), "--revision", "r42", "../policies/examples/rbac");
    assertEquals(0, r.exit(), r.toString());
    Map<String, String> files = untar(bundle);
    assertEquals(List.of("/.manifest", "/rbac.rego", "/rbac_test.rego", "/data.json"), new ArrayList<>(files.keySet()));
    ObjectValue manifest = (ObjectValue) Json.parse(files.get("/.manifest"));
    assertEquals(StringValue.of("r42"), manifest.get("revision"));
    assertEquals(
        ArrayValue.of(StringValue.of("app/rbac"), StringValue.of("app/rbac_test"), StringValue.of("role_grants"), StringValue.of("user_roles")),
        manifest.get("roots"));

    Path extracted = dir.resolve("extracted");
    for (Map.Entry<String, String> e : files.entrySet()) {
      if (!e.getKey().equals("/.manifest")) {
        CliHarness.write(extracted, e.getKey().substring(1), e.getValue());
      }
    }
    Value input = Json.parse(Files.readString(Path.of("../policies/examples/rbac-input.json")));
    Value denied = Json.parse("{\"user\": \"nobody\", \"action\": \"read\", \"type\": \"dog\"}");
    PolicySet original = compile("../policies/examples/rbac");
    PolicySet rebuilt = compile(extracted.toString());
    for (Value in : List.of(input, denied)) {
      assertEquals(original.eval("app/rbac/allow", in).value(), rebuilt.eval("app/rbac/allow", in).value());
    }
  }

  @Test
  void buildPlacesDataByDirectory() throws Exception {
    CliHarness.write(dir, "src/policy.rego", "package x\n\np := data.a.b.v\n");
    CliHarness.write(dir, "src/a/b/data.json", "{\"v\": 1}");
    CliHarness.write(dir, "src/a/b/more.yaml", "w: 2\n");
    CliHarness.write(dir, "src/top.json", "{\"t\": true}");
    Path bundle = dir.resolve("b.tar.gz");
    assertEquals(0, CliHarness.run("build", "-o", bundle.toString(), dir.resolve("src").toString()).exit());
    Map<String, String> files = untar(bundle);
    assertEquals(Json.parse("{\"v\": 1, \"w\": 2}"), Json.parse(files.get("/a/b/data.json")));
    assertEquals(Json.parse("{\"t\": true}"), Json.parse(files.get("/data.json")));
    assertEquals(Json.parse("{\"revision\": \"\", \"roots\": [\"a/b\", \"t\", \"x\"]}"), Json.parse(files.get("/.manifest")));
  }

  @Test
  void buildWritesNothingWhenPoliciesDoNotCompile() throws IOException {
    Path src = CliHarness.write(dir, "src/p.rego", "package x\n\np := y\n");
    Path bundle = dir.resolve("b.tar.gz");
    CliHarness.Run r = CliHarness.run("build", "-o", bundle.toString(), src.toString());
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().contains(src + ":3:6: rego_unsafe_var_error: "), r.err());
    assertFalse(Files.exists(bundle));
    try (var left = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("src")), left.toList(), "no partial file either");
    }
  }

  private static PolicySet compile(String path) throws Exception {
    return Verdict.compile(Workspace.load(List.of(path), Workspace.Scope.ALL, List.of()).sources(RegoVersion.V1));
  }

  private static Map<String, String> untar(Path bundle) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(bundle);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        files.put(e.getName(), new String(tar.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
