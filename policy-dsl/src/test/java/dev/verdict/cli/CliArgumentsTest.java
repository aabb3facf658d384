package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;

/** Usage errors exit 2 with one line saying what is wrong and one pointing at --help. */
class CliArgumentsTest {

  private static void assertUsageError(Run r, String expected, String command) {
    assertEquals(2, r.exit(), r::toString);
    assertEquals("", r.out(), r::toString);
    String[] lines = r.err().split("\n");
    assertEquals(2, lines.length, r::toString);
    assertTrue(lines[0].startsWith("Error: ") && lines[0].contains(expected), r::toString);
    assertEquals("Run '" + command + " --help' for usage.", lines[1]);
  }

  @Test
  void noCommand() {
    assertUsageError(CliHarness.run(), "Missing command", "verdict");
  }

  @Test
  void unknownCommand() {
    assertUsageError(CliHarness.run("evaluate"), "evaluate", "verdict");
  }

  @Test
  void evalWithoutQuery() {
    assertUsageError(CliHarness.run("eval", "-d", "x"), "QUERY", "verdict eval");
  }

  @Test
  void evalUnknownFormat() {
    assertUsageError(CliHarness.run("eval", "--format", "xml", "data"), "xml", "verdict eval");
  }

  @Test
  void evalFailAndFailDefinedExcludeEachOther() {
    assertUsageError(CliHarness.run("eval", "--fail", "--fail-defined", "data"), "mutually exclusive", "verdict eval");
  }

  @Test
  void evalInputAndStdinInputExcludeEachOther() {
    assertUsageError(CliHarness.run("eval", "-i", "in.json", "-I", "data"), "exclude each other", "verdict eval");
  }

  @Test
  void badTimeout() {
    assertUsageError(CliHarness.run("eval", "--timeout", "ten", "data"), "invalid duration \"ten\"", "verdict eval");
  }

  @Test
  void unknownOption() {
    assertUsageError(CliHarness.run("test", "--bogus", "."), "--bogus", "verdict test");
  }

  @Test
  void testNeedsAPath() {
    assertUsageError(CliHarness.run("test"), "PATH", "verdict test");
  }

  @Test
  void checkNeedsAPath() {
    assertUsageError(CliHarness.run("check"), "PATH", "verdict check");
  }

  @Test
  void explainNeedsARulePath() {
    assertUsageError(CliHarness.run("explain"), "RULE_PATH", "verdict explain");
  }

  @Test
  void formatsAreCaseInsensitive() {
    Run r = CliHarness.run("test", "--format", "JSON", "does-not-exist");
    assertEquals(1, r.exit(), r::toString);
  }

  @Test
  void helpAndVersionExitZero() {
    Run help = CliHarness.run("eval", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--fail-defined"), help::toString);
    assertTrue(help.out().contains("--strict-builtin-errors"), help::toString);
    Run version = CliHarness.run("--version");
    assertEquals(0, version.exit());
    assertTrue(version.out().startsWith("verdict "), version::toString);
  }
}
