package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.cli.CliHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands run in-process on inputs that need no Rego parsing: failures, data only, empty trees. */
class CliCommandsTest {

  @TempDir Path dir;

  private String write(String rel, String text) throws IOException {
    return CliHarness.write(dir, rel, text).toString();
  }

  @Test
  void evalReportsLoadErrorsAsJsonWithExitTwo() {
    Run r = CliHarness.run("eval", "-d", "missing-dir", "data");
    assertEquals(2, r.exit(), r::toString);
    assertEquals("{\n  \"errors\": [\n    {\n      \"message\": \"missing-dir: no such file or directory\"\n    }\n  ]\n}\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void evalPrettyReportsErrorsOnStderr() throws IOException {
    String bad = write("data.json", "{\"a\": }");
    Run r = CliHarness.run("eval", "--format", "pretty", "-d", bad, "data");
    assertEquals(2, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("1 error occurred: " + bad + ":1:7: invalid JSON: Unexpected character ('}'"), r::toString);
  }

  @Test
  void evalRejectsBadInput() throws IOException {
    String input = write("input.json", "[1, 2");
    Run r = CliHarness.run("eval", "-f", "raw", "-i", input, "input");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().startsWith("1 error occurred: " + input + ":1:"), r::toString);
    assertTrue(r.err().contains("invalid JSON"), r::toString);
    Run missing = CliHarness.run("eval", "-f", "raw", "-i", dir.resolve("none.json").toString(), "input");
    assertEquals("1 error occurred: " + dir.resolve("none.json") + ": no such file or directory\n", missing.err());
    Run stdin = CliHarness.runWithStdin("{oops", "eval", "-f", "raw", "-I", "input");
    assertTrue(stdin.err().startsWith("1 error occurred: stdin:1:2: invalid JSON"), stdin::toString);
  }

  @Test
  void checkPassesQuietlyWithNothingToCheck() throws IOException {
    write("data.json", "{\"not\": \"checked\"}");
    Run r = CliHarness.run("check", dir.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out() + r.err());
  }

  @Test
  void checkReportsLoadErrorsOnStderrWithExitOne() {
    Run r = CliHarness.run("check", "nope.rego");
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertEquals("1 error occurred: nope.rego: no such file or directory\n", r.err());
    Run json = CliHarness.run("check", "--format", "json", "nope.rego");
    assertEquals(1, json.exit());
    assertEquals("{\n  \"errors\": [\n    {\n      \"message\": \"nope.rego: no such file or directory\"\n    }\n  ]\n}\n", json.err());
  }

  @Test
  void checkLimitsErrors() {
    var errors = java.util.stream.IntStream.range(0, 12).mapToObj(i -> CliError.of("e" + i)).toList();
    var limited = CheckCommand.limit(errors, 10);
    assertEquals(11, limited.size());
    assertEquals("rego_compile_error: error limit reached", limited.get(10).toString());
    assertEquals(12, CheckCommand.limit(errors, 0).size());
    assertEquals(10, CheckCommand.limit(errors.subList(0, 10), 10).size());
  }

  @Test
  void explainSaysWhenNoRulesAreThere() throws IOException {
    String data = write("app/data.json", "{\"allow\": true}");
    Run r = CliHarness.run("explain", "-d", dir.toString(), "app/allow");
    assertEquals(1, r.exit(), r::toString);
    assertEquals("no rules at data.app.allow\n", r.err());
    Run none = CliHarness.run("explain", "data.app.allow");
    assertEquals("no rules at data.app.allow (no policies loaded: use -d PATH)\n", none.err());
    assertEquals("data.app.allow", ExplainCommand.displayPath("/app/allow"));
    assertEquals("data.app.allow", ExplainCommand.displayPath("app.allow"));
    assertEquals("data", ExplainCommand.displayPath("data"));
    assertTrue(data.endsWith("data.json"));
  }

  @Test
  void testWithNoTestsPassesUnlessAskedToFail() throws IOException {
    write("x/data.json", "{}");
    Run r = CliHarness.run("test", dir.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out() + r.err());
    Run json = CliHarness.run("test", "--format=json", dir.toString());
    assertEquals("[]\n", json.out());
    Run empty = CliHarness.run("test", "--fail-on-empty", dir.toString());
    assertEquals(1, empty.exit());
    assertEquals("no tests were run\n", empty.err());
  }

  @Test
  void testLoadErrorsExitOne() {
    Run r = CliHarness.run("test", "no/such/dir");
    assertEquals(1, r.exit(), r::toString);
    assertEquals("1 error occurred: no/such/dir: no such file or directory\n", r.err());
  }

  @Test
  void testRejectsABadRunPattern() throws IOException {
    write("x/data.json", "{}");
    Run r = CliHarness.run("test", "--run", "(", dir.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith("1 error occurred: --run: invalid regular expression"), r::toString);
  }
}
