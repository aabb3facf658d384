package dev.verdict.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-rule module (the size of the scaling benchmark's largest set) parses whole. How long
 * it takes is measured by the benchmarks ({@code Footprint}), not here.
 */
class ParserScaleTest {

  @Test
  void hundredThousandRulesParse() {
    StringBuilder text = new StringBuilder("package bench\n\n");
    for (int i = 0; i < 100_000; i++) {
      text.append("allow if { input.tenant == \"t").append(i)
          .append("\"; input.action == \"read\"; input.resource.type == \"doc\" }\n");
    }
    Module module = Parser.parseModule("bench.rego", text.toString(), RegoVersion.V1);
    assertEquals(100_000, module.rules().size());
    assertEquals(99_999 + 3, module.rules().getLast().location().row());
  }
}
