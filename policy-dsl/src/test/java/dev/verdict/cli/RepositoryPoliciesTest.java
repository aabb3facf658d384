package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.cli.CliHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The policies this repository ships pass their own Rego tests, are in canonical layout and lint
 * without errors, and their coverage report builds. Each directory holding tests is one policy root
 * (its data files are placed relative to it), checked as `bin/verdict test [--coverage]|fmt
 * --fail|lint DIR` checks it.
 */
class RepositoryPoliciesTest {

  @TestFactory
  Stream<DynamicTest> shippedPoliciesPassTheirTests() throws IOException {
    Path policies = Path.of("..", "policies").toAbsolutePath().normalize();
    List<Path> roots;
    try (Stream<Path> files = Files.walk(policies)) {
      roots = files.filter(p -> p.getFileName().toString().endsWith("_test.rego")).map(Path::getParent).distinct().sorted().toList();
    }
    assertFalse(roots.isEmpty(), "no tests under " + policies);
    return roots.stream().map(root -> DynamicTest.dynamicTest(policies.relativize(root).toString(), () -> {
      Run r = CliHarness.run("test", root.toString());
      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().contains("PASS: "), r::toString);
      Run coverage = CliHarness.run("test", "--coverage", root.toString());
      assertEquals(0, coverage.exit(), coverage::toString);
      assertTrue(coverage.out().startsWith("{\n  \"files\": {"), coverage::toString);
      Run fmt = CliHarness.run("fmt", "--fail", root.toString());
      assertEquals(0, fmt.exit(), fmt::toString);
      Run lint = CliHarness.run("lint", root.toString());
      assertEquals(0, lint.exit(), lint::toString);
    }));
  }
}
