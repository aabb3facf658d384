package dev.verdict.robustness;

import dev.verdict.PolicySet;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.error.RegoException;
import dev.verdict.value.Value;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Modules from {@link RegoGen}'s grammar, evaluated on random input: a result or a clean error. */
class GeneratedPolicyTest {

  @Provide
  Arbitrary<String> modules() {
    return RegoGen.module();
  }

  @Provide
  Arbitrary<Value> inputs() {
    return JsonGen.documents();
  }

  @Property(tries = 300)
  void generatedModulesOnRandomInput(@ForAll("modules") String module, @ForAll("inputs") Value input, @ForAll boolean strict) {
    RegoException e = CleanOutcome.within(() -> {
      PolicySet set = Verdict.compile(Sources.builder().module("gen.rego", module).build());
      set.eval("gen", CleanOutcome.limits().input(input).strictBuiltinErrors(strict).build());
      set.query("data.gen.r0 = v", CleanOutcome.limits().input(input).strictBuiltinErrors(strict).build());
    });
    Statistics.collect(e == null ? "ok" : e.code());
  }
}
