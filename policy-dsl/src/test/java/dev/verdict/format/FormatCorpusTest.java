package dev.verdict.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.conformance.ConformanceCase;
import dev.verdict.conformance.ConformanceTest;
import dev.verdict.error.RegoException;
import dev.verdict.parser.Parser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every module of OPA's conformance corpus: its formatted text parses back to the same module
 * (locations aside) and formats to itself.
 */
class FormatCorpusTest {

  @Test
  void everyCorpusModuleRoundTrips() throws Exception {
    Set<String> modules = new LinkedHashSet<>();
    for (ConformanceCase c : ConformanceTest.load()) {
      modules.addAll(c.modules());
    }
    int formatted = 0;
    List<String> failures = new ArrayList<>();
    for (String text : modules) {
      Module original;
      try {
        original = Parser.parseModule("corpus.rego", text, RegoVersion.V1);
      } catch (RegoException e) {
        continue; // cases about parse errors
      }
      String once = Formatter.format("corpus.rego", text, RegoVersion.V1);
      try {
        Module back = Parser.parseModule("corpus.rego", once, RegoVersion.V1);
        String twice = Formatter.format("corpus.rego", once, RegoVersion.V1);
        if (!ModuleShape.of(back).equals(ModuleShape.of(original))) {
          failures.add("changed meaning:\n" + text + "\n--- formatted:\n" + once + "\n--- was:\n" + ModuleShape.of(original) + "\n--- now:\n" + ModuleShape.of(back));
        } else if (!twice.equals(once)) {
          failures.add("not idempotent:\n" + text + "\n--- once:\n" + once + "\n--- twice:\n" + twice);
        }
      } catch (RegoException e) {
        failures.add("does not parse back: " + e.getMessage() + "\n" + text + "\n--- formatted:\n" + once);
      }
      formatted++;
    }
    assertTrue(formatted > 2_000, "modules formatted: " + formatted);
    assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " of " + formatted + " modules");
  }
}
