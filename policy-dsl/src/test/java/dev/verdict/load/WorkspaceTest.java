package dev.verdict.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.SourceFile;
import dev.verdict.value.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading policies and data from paths as opa's loader does. */
class WorkspaceTest {

  @TempDir Path dir;

  private Path write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private Workspace load(String... roots) throws LoadException {
    return Workspace.load(List.of(roots), Workspace.Scope.ALL, List.of());
  }

  private List<String> errors(Workspace.Scope scope, List<String> ignore, String... roots) {
    LoadException f = assertThrows(LoadException.class, () -> Workspace.load(List.of(roots), scope, ignore));
    return f.errors().stream().map(LoadError::toString).toList();
  }

  @Test
  void dataIsPlacedByItsDirectoryRelativeToTheRoot() throws Exception {
    write("a/b/data.json", "{\"x\": 1}");
    write("a/b/more.yaml", "y: [true, null]\n");
    write("a/c.json", "{\"z\": \"s\"}");
    write("top.json", "{\"t\": 0}");
    write("p/policy.rego", "package p\n");
    write("notes.txt", "ignored");
    Workspace ws = load(dir.toString());
    assertEquals(
        Json.parse("{\"a\": {\"b\": {\"x\": 1, \"y\": [true, null]}, \"z\": \"s\"}, \"t\": 0}"), ws.data());
    assertEquals(List.of(dir.resolve("p/policy.rego").toString()), ws.policies().stream().map(SourceFile::name).toList());
    assertEquals("package p\n", ws.policies().get(0).text());
  }

  @Test
  void aFileGivenDirectlyGoesAtTheRoot() throws Exception {
    Path f = write("deep/down/data.json", "{\"k\": 1}");
    assertEquals(Json.parse("{\"k\": 1}"), load(f.toString()).data());
  }

  @Test
  void severalRootsMerge() throws Exception {
    write("one/x/data.json", "{\"a\": 1}");
    write("two/x/data.json", "{\"b\": 2}");
    Workspace ws = load(dir.resolve("one").toString(), dir.resolve("two").toString());
    assertEquals(Json.parse("{\"x\": {\"a\": 1, \"b\": 2}}"), ws.data());
  }

  @Test
  void nonObjectDataBelowTheRootIsFine() throws Exception {
    write("list/data.json", "[1, 2]");
    assertEquals(Json.parse("{\"list\": [1, 2]}"), load(dir.toString()).data());
  }

  @Test
  void rootDataMustBeAnObject() throws Exception {
    Path f = write("data.json", "[1]");
    assertEquals(List.of(f + ": data at the root must be an object, not array"),
        errors(Workspace.Scope.ALL, List.of(), f.toString()));
  }

  @Test
  void conflictsNameBothFiles() throws Exception {
    Path first = write("a/data.json", "{\"x\": {\"y\": 1}}");
    Path second = write("a/x/data.json", "{\"y\": 2}");
    assertEquals(List.of(second + ": merge error: data.a.x.y is also defined by " + first),
        errors(Workspace.Scope.ALL, List.of(), dir.toString()));
  }

  @Test
  void scalarMeetingAnObjectConflicts() throws Exception {
    Path first = write("a/data.json", "{\"x\": 1}");
    Path second = write("a/x/data.json", "{\"y\": 2}");
    assertEquals(List.of(second + ": merge error: data.a.x is also defined by " + first),
        errors(Workspace.Scope.ALL, List.of(), dir.toString()));
  }

  @Test
  void badJsonSaysWhichFileAndWhere() throws Exception {
    Path bad = write("a/data.json", "{\n  \"x\": 1,\n  oops\n}");
    Path worse = write("b/data.yaml", "a: [1\n");
    Path trailing = write("c/data.json", "{} {}");
    List<String> errors = errors(Workspace.Scope.ALL, List.of(), dir.toString());
    assertEquals(3, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith(bad + ":3:3: invalid JSON: Unexpected character ('o'"), errors::toString);
    assertTrue(errors.get(1).startsWith(worse + ":"), errors::toString);
    assertTrue(errors.get(1).contains("invalid YAML: "), errors::toString);
    assertEquals(trailing + ":1:4: invalid JSON: unexpected content after the document", errors.get(2));
  }

  @Test
  void emptyJsonIsAnError() throws Exception {
    Path f = write("a/data.json", "  ");
    assertEquals(List.of(f + ": invalid JSON: empty document"), errors(Workspace.Scope.ALL, List.of(), dir.toString()));
  }

  @Test
  void missingPathsAndUnknownFilesAreReportedTogether() throws Exception {
    Path txt = write("notes.txt", "x");
    assertEquals(
        List.of("nope: no such file or directory", txt + ": unsupported file type (want .rego, .json, .yaml or .yml)"),
        errors(Workspace.Scope.ALL, List.of(), "nope", txt.toString()));
  }

  @Test
  void policiesMustBeUtf8() throws Exception {
    Path f = dir.resolve("bad.rego");
    Files.write(f, new byte[] {'p', (byte) 0xff, 'x'});
    assertEquals(List.of(f + ": not valid UTF-8 text"), errors(Workspace.Scope.ALL, List.of(), dir.toString()));
  }

  @Test
  void checkLoadsPoliciesOnly() throws Exception {
    write("a/data.json", "not json");
    write("p.rego", "package p\n");
    Workspace ws = Workspace.load(List.of(dir.toString()), Workspace.Scope.POLICIES, List.of());
    assertEquals(1, ws.policies().size());
    assertEquals(Json.parse("{}"), ws.data());
  }

  @Test
  void ignoredNamesAreSkippedAtAnyDepth() throws Exception {
    write(".git/config.json", "broken");
    write("a/vendor/x.rego", "package v\n");
    write("a/keep.rego", "package k\n");
    Workspace ws = Workspace.load(List.of(dir.toString()), Workspace.Scope.ALL, List.of(".*", "vendor"));
    assertEquals(List.of(dir.resolve("a/keep.rego").toString()), ws.policies().stream().map(SourceFile::name).toList());
  }

  @Test
  void relativeRootsGiveRelativeNames() throws Exception {
    write("a/b.rego", "package b\n");
    Path cwd = Path.of("").toAbsolutePath();
    String rel = cwd.relativize(dir).toString();
    Workspace ws = load(rel + "/./a/");
    assertEquals(List.of(Path.of(rel, "a", "b.rego").toString()), ws.policies().stream().map(SourceFile::name).toList());
  }
}
