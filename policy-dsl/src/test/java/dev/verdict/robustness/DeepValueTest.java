package dev.verdict.robustness;

import dev.verdict.Sources;
import dev.verdict.builtins.Builtin;
import dev.verdict.error.RegoException;
import dev.verdict.value.Value;
import java.util.Collections;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Every builtin, given input nested 100,000 deep for each argument: a result or a clean error. */
class DeepValueTest {

  private static final Value DEEP = PathologicalPolicyTest.deepArray(100_000);

  @Provide
  Arbitrary<Builtin> builtins() {
    return Arbitraries.of(RegoGen.BUILTINS);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void everyBuiltinOnDeepInput(@ForAll("builtins") Builtin b, @ForAll boolean strict) {
    String args = String.join(", ", Collections.nCopies(b.signature().arity(), "input"));
    String policy = "package p\n\nr := " + b.name() + "(" + args + ")\n";
    RegoException e = CleanOutcome.compileAndQuery(Sources.builder().module("p.rego", policy).build(), "x = data.p.r", DEEP, strict);
    Statistics.collect(e == null ? "ok" : e.code());
  }
}
