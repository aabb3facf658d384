package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verdict lint}: exit codes, configuration, inline ignores and the five output formats. */
class CliLintTest {

  static final String CONFLICT = "package p\n\nmode := \"a\" if input.a == 1\n\nmode := \"b\" if input.b == 2\n";

  @TempDir Path dir;

  @Test
  void cleanAndWarningsOnlyExitZero() throws Exception {
    Path clean = CliHarness.write(dir, "ok.rego", "package p\n\ndefault allow := false\n\nallow if input.admin\n");
    CliHarness.Run run = CliHarness.run("lint", clean.toString());
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.out().contains("1 files linted: 0 errors, 0 warnings"), run::toString);
    Path warned = CliHarness.write(dir, "w.rego", "package p\n\nallow if input.admin\n");
    assertEquals(0, CliHarness.run("lint", warned.toString()).exit());
  }

  @Test
  void errorFindingExitsThreeWithFileRowColLevelAndId() throws Exception {
    Path p = CliHarness.write(dir, "c.rego", CONFLICT);
    CliHarness.Run run = CliHarness.run("lint", p.toString());
    assertEquals(3, run.exit(), run::toString);
    assertTrue(run.out().contains(p + ":5:1: error conflicting-rule-values: data.p.mode is \"b\" here"), run::toString);
  }

  @Test
  void parseErrorsAndBadConfigurationExitTwo() throws Exception {
    Path bad = CliHarness.write(dir, "bad.rego", "package p\n\nallow if {\n");
    CliHarness.Run run = CliHarness.run("lint", bad.toString());
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains("rego_parse_error"), run::toString);
    Path ok = CliHarness.write(dir, "ok.rego", "package p\n\nx := 1\n");
    Path config = CliHarness.write(dir, "c.yaml", "rules:\n  no-such-rule:\n    level: error\n");
    run = CliHarness.run("lint", "--config", config.toString(), ok.toString());
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains("unknown rule no-such-rule"), run::toString);
  }

  @Test
  void configurationSetsLevelsAndIgnoresFiles() throws Exception {
    Path p = CliHarness.write(dir, "c.rego", CONFLICT);
    Path downgrade = CliHarness.write(dir, "a.yaml", "rules:\n  conflicting-rule-values:\n    level: warning\n");
    CliHarness.Run run = CliHarness.run("lint", "-c", downgrade.toString(), p.toString());
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.out().contains("warning conflicting-rule-values"), run::toString);
    Path off = CliHarness.write(dir, "b.yaml", "rules:\n  conflicting-rule-values: {level: ignore}\n");
    assertFalse(CliHarness.run("lint", "-c", off.toString(), p.toString()).out().contains("conflicting-rule-values"));
    Path files = CliHarness.write(dir, "d.yaml", "ignore:\n  files: [\"**/c.rego\"]\n");
    run = CliHarness.run("lint", "-c", files.toString(), p.toString());
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.out().contains("0 errors, 0 warnings"), run::toString);
  }

  @Test
  void inlineIgnoreOnTheLineOrTheLineAbove() throws Exception {
    Path same = CliHarness.write(dir, "a.rego",
        "package p\n\nallow := true if input.a == 1\n\nallow := false if input.b == 2 # verdict:ignore conflicting-rule-values\n");
    assertEquals(0, CliHarness.run("lint", same.toString()).exit());
    Path above = CliHarness.write(dir, "b.rego",
        "package p\n\nallow := true if input.a == 1\n\n# verdict:ignore unused-rule, conflicting-rule-values\nallow := false if input.b == 2\n");
    assertEquals(0, CliHarness.run("lint", above.toString()).exit());
    Path other = CliHarness.write(dir, "c.rego",
        "package p\n\nallow := true if input.a == 1\n\n# verdict:ignore line-length\nallow := false if input.b == 2\n");
    assertEquals(3, CliHarness.run("lint", other.toString()).exit());
  }

  @Test
  void machineReadableFormats() throws Exception {
    Path p = CliHarness.write(dir, "c.rego", CONFLICT);
    ObjectMapper json = new ObjectMapper();
    JsonNode doc = json.readTree(CliHarness.run("lint", "--format", "json", p.toString()).out());
    assertEquals("conflicting-rule-values", doc.path("findings").path(0).path("rule").asText());
    assertEquals(1, doc.path("summary").path("errors").asInt());
    JsonNode sarif = json.readTree(CliHarness.run("lint", "--format", "sarif", p.toString()).out());
    assertEquals("2.1.0", sarif.path("version").asText());
    JsonNode result = sarif.path("runs").path(0).path("results").path(0);
    assertEquals("error", result.path("level").asText());
    assertEquals(5, result.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt());
    String ruleId = sarif.path("runs").path(0).path("tool").path("driver").path("rules").path(result.path("ruleIndex").asInt()).path("id").asText();
    assertEquals("conflicting-rule-values", ruleId);
    String junit = CliHarness.run("lint", "--format", "junit", p.toString()).out();
    assertTrue(junit.contains("<testsuites name=\"verdict lint\" tests=\"1\" failures=\"1\">"), junit);
    assertTrue(junit.contains("<failure message=\"data.p.mode is &quot;b&quot; here"), junit);
    String github = CliHarness.run("lint", "--format", "github", p.toString()).out();
    assertTrue(github.startsWith("::error file=" + p + ",line=5,col=1,title=conflicting-rule-values::data.p.mode"), github);
  }

  @Test
  void theShippedPoliciesLintWithoutErrors() {
    CliHarness.Run run = CliHarness.run("lint", Path.of("..", "policies").toString());
    assertEquals(0, run.exit(), run::toString);
  }
}
