package dev.verdict.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.SourceFile;
import dev.verdict.ast.RegoVersion;
import dev.verdict.error.RegoException;
import dev.verdict.lint.LintConfig;
import dev.verdict.lint.Linter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule runs on every module of the conformance corpus that compiles (v1 and v0) without
 * throwing: the corpus is a catalogue of unusual but valid Rego, the linter's hardest input.
 */
class ConformanceLintTest {

  @Test
  void everyRuleSurvivesTheCorpus() throws Exception {
    List<String> crashes = new ArrayList<>();
    for (ConformanceCase c : ConformanceTest.load()) {
      List<SourceFile> files = new ArrayList<>();
      for (int i = 0; i < c.modules().size(); i++) {
        files.add(new SourceFile("test-" + i + ".rego", c.modules().get(i)));
      }
      for (RegoVersion version : RegoVersion.values()) {
        try {
          Linter.lint(files, c.data(), version, LintConfig.DEFAULT);
        } catch (RegoException e) {
          // does not compile in this syntax: not the linter's business
        } catch (RuntimeException e) {
          crashes.add(c.id() + " (" + version + "): " + e);
        }
      }
    }
    assertEquals(List.of(), crashes);
  }
}
