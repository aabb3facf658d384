package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.cli.CliHarness.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verdict test --coverage} and {@code --threshold}, end to end through the CLI. */
class CliCoverageTest {

  @TempDir Path dir;

  private String policy;
  private String tests;

  @BeforeEach
  void write() throws IOException {
    policy = CliHarness.write(dir, "t.rego", """
        package t

        allow if {
        	input.a == 1
        	input.b == 2
        }

        deny if input.c
        """).toString();
    tests = CliHarness.write(dir, "t_test.rego", """
        package t_test

        import data.t

        test_allow if {
        	t.allow with input as {"a": 1, "b": 2}
        }
        """).toString();
  }

  private String expectedReport() {
    return """
        {
          "files": {
            "%s": {
              "covered": [
                {
                  "start": {
                    "row": 3
                  },
                  "end": {
                    "row": 5
                  }
                }
              ],
              "not_covered": [
                {
                  "start": {
                    "row": 8
                  },
                  "end": {
                    "row": 8
                  }
                }
              ],
              "covered_lines": 3,
              "not_covered_lines": 1,
              "coverage": 75
            },
            "%s": {
              "covered": [
                {
                  "start": {
                    "row": 5
                  },
                  "end": {
                    "row": 6
                  }
                }
              ],
              "covered_lines": 2,
              "coverage": 100
            }
          },
          "covered_lines": 5,
          "not_covered_lines": 1,
          "coverage": 83.33333333333333
        }
        """.formatted(policy, tests);
  }

  @Test
  void coverageReportsAsOpaDoes() {
    Run r = CliHarness.run("test", "--coverage", dir.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(expectedReport(), r.out());
    assertEquals("", r.err());
  }

  @Test
  void coverageReplacesEitherFormatAndIgnoresVerbose() {
    assertEquals(expectedReport(), CliHarness.run("test", "-c", "--format=json", dir.toString()).out());
    assertEquals(expectedReport(), CliHarness.run("test", "-c", "-v", "--format=pretty", dir.toString()).out());
  }

  @Test
  void thresholdMetPrintsTheReport() {
    Run r = CliHarness.run("test", "--threshold", "83.3", dir.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(expectedReport(), r.out());
  }

  @Test
  void thresholdNotMetExitsTwoWithOpasMessage() {
    Run r = CliHarness.run("test", "--coverage", "--threshold", "90", dir.toString());
    assertEquals(2, r.exit(), r::toString);
    assertEquals("", r.out());
    assertEquals("Code coverage threshold not met: got 83.33 instead of 90.00\n", r.err());

    Run verbose = CliHarness.run("test", "--threshold=83.34", "-v", dir.toString());
    assertEquals(2, verbose.exit(), verbose::toString);
    assertEquals("Code coverage threshold not met: got 83.33 instead of 83.34\nLines not covered:\n\t" + policy + ":8\n",
        verbose.err());
  }

  @Test
  void thresholdOutOfRangeExitsOne() {
    for (String t : new String[] {"101", "-1"}) {
      Run r = CliHarness.run("test", "--threshold", t, dir.toString());
      assertEquals(1, r.exit(), r::toString);
      assertEquals("Code coverage threshold must be between 0 and 100\n", r.err());
      assertEquals("", r.out());
    }
  }

  @Test
  void aFailingTestEndsTheRunWithoutAReport() throws IOException {
    CliHarness.write(dir, "more_test.rego", """
        package t_test

        import data.t

        test_deny if {
        	t.deny with input as {"c": false}
        }
        """);
    Run r = CliHarness.run("test", "--coverage", dir.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().matches("data\\.t_test\\.test_deny: FAIL \\(.+\\)\n"), r::toString);
  }

  @Test
  void anErroringTestPrintsItsError() throws IOException {
    CliHarness.write(dir, "more_test.rego", """
        package t_test

        f(_) := 1

        f(_) := 2

        test_conflict if {
        	f(1)
        }
        """);
    Run r = CliHarness.run("test", "--coverage", dir.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().matches(".*more_test\\.rego:\\d+:\\d+: eval_conflict_error: functions must not produce multiple outputs for same inputs\n"),
        r::toString);
  }

  @Test
  void skippedTestsFailUnlessExitZeroOnSkipped() throws IOException {
    CliHarness.write(dir, "more_test.rego", """
        package t_test

        todo_test_later if {
        	false
        }
        """);
    Run r = CliHarness.run("test", "--coverage", dir.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals("data.t_test.todo_test_later: SKIPPED\n", r.err());

    Run z = CliHarness.run("test", "--coverage", "-z", dir.toString());
    assertEquals(0, z.exit(), z::toString);
    // The skipped test never ran: its head and body count as not covered.
    assertTrue(z.out().contains("\"not_covered_lines\": 3,\n  \"coverage\": 62.5\n}\n"), z::toString);
  }

  @Test
  void runFilterCoversOnlyWhatRan() {
    Run r = CliHarness.run("test", "--coverage", "--run", "nothing_matches", "--fail-on-empty", dir.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals("no tests were run\n", r.err());
    assertTrue(r.out().contains("\"covered_lines\": 0,\n  \"not_covered_lines\": 6,\n  \"coverage\": 0\n}\n"), r::toString);
  }

  @Test
  void helpDescribesCoverage() {
    Run r = CliHarness.run("test", "--help");
    assertTrue(r.out().contains("--coverage"), r::toString);
    assertTrue(r.out().contains("--threshold=PERCENT"), r::toString);
    assertTrue(r.out().contains("Code coverage threshold not met"), r::toString);
  }
}
