package dev.verdict.bench.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.bench.scaling.ScalingPolicy.Probe;
import org.junit.jupiter.api.Test;

class ScalingPolicyTest {

  @Test
  void generatesOneAllowRulePerCountAndAPathTestInEveryTenth() {
    String source = ScalingPolicy.generate(1000);
    assertTrue(source.startsWith("package bench.scale\n\ndefault allow := false\n"));
    assertEquals(1000, count(source, "\nallow if {\n"));
    assertEquals(100, count(source, "startswith(input.path, \"/api\")"));
    assertTrue(
        source.contains(
            "allow if {\n\tinput.tenant == \"t999\"\n\tinput.action == \"list\"\n"
                + "\tinput.resource.type == \"table\"\n}\n"));
  }

  @Test
  void probesTargetTheEndOfThePolicySet() {
    assertEquals(
        "{\"tenant\":\"t99999\",\"action\":\"list\","
            + "\"resource\":{\"type\":\"table\",\"id\":\"r1\"},\"path\":\"/web/home\"}",
        Probe.HIT_LAST.input(100_000));
    assertTrue(
        Probe.HIT_LAST.input(11).contains("\"path\":\"/api/home\""), "rule 10 tests the path");
    assertTrue(Probe.HIT_PATH_RULE.input(100_000).contains("\"tenant\":\"t99990\""));
    assertTrue(ScalingPolicy.hasPathCondition(99_990));
    assertTrue(Probe.MISS_PATH.input(100_000).contains("\"path\":\"/web/v1/items\""));
    assertTrue(Probe.HIT_LAST.allowed() && Probe.HIT_PATH_RULE.allowed());
    assertTrue(!Probe.MISS_PATH.allowed() && !Probe.MISS_TENANT.allowed());
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
