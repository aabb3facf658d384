package dev.verdict.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.verdict.bench.demo.VerdictDemo;
import dev.verdict.bench.opadocs.VerdictOpaDocs;
import dev.verdict.bench.rbac.VerdictRbac;
import dev.verdict.bench.scaling.ScaledPolicySet;
import dev.verdict.bench.scaling.ScalingPolicy;
import org.junit.jupiter.api.Test;

/** Verdict's benchmark states answer their request sets as specified. */
class VerdictSideTest {

  @Test
  void rbac() {
    assertDoesNotThrow(() -> new VerdictRbac().setUp());
  }

  @Test
  void demo() {
    assertDoesNotThrow(() -> new VerdictDemo().setUp());
  }

  @Test
  void opaDocsExample() {
    assertDoesNotThrow(() -> new VerdictOpaDocs().setUp());
  }

  @Test
  void scaledPolicySetsAnswerEveryProbe() {
    for (int rules : new int[] {1, 10, 1000}) {
      String source = ScalingPolicy.generate(rules);
      assertDoesNotThrow(() -> ScaledPolicySet.compile(rules, source).verify());
    }
  }
}
