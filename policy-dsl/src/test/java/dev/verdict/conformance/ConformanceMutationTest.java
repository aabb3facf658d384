package dev.verdict.conformance;

import dev.verdict.Sources;
import dev.verdict.error.RegoException;
import dev.verdict.robustness.CleanOutcome;
import dev.verdict.robustness.JsonGen;
import dev.verdict.robustness.Mutation;
import dev.verdict.value.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * OPA's conformance cases, mutated (tokens and characters deleted, duplicated, swapped) or run on
 * random input: whatever comes of it is a result or a clean error.
 */
class ConformanceMutationTest {

  private static final List<ConformanceCase> CASES = corpus();

  @Provide
  Arbitrary<ConformanceCase> cases() {
    return Arbitraries.of(CASES);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutation.some();
  }

  @Provide
  Arbitrary<Value> inputs() {
    return JsonGen.documents();
  }

  /** Mutates one of the case's modules, or its query ({@code target} past the last module). */
  @Property(tries = 500)
  void mutatedPolicies(@ForAll("cases") ConformanceCase c, @ForAll("mutations") List<Mutation> mutations, @ForAll @IntRange(max = 7) int target) {
    List<String> modules = new ArrayList<>(c.modules());
    String query = c.query();
    int t = target % (modules.size() + 1);
    if (t == modules.size()) {
      query = Mutation.applyAll(query, mutations);
    } else {
      modules.set(t, Mutation.applyAll(modules.get(t), mutations));
    }
    RegoException e = CleanOutcome.compileAndQuery(sources(c, modules), query, c.input(), c.strictError());
    Statistics.collect(e == null ? "ok" : e.code());
  }

  @Property(tries = 300)
  void randomInput(@ForAll("cases") ConformanceCase c, @ForAll("inputs") Value input) {
    CleanOutcome.compileAndQuery(sources(c, c.modules()), c.query(), input, c.strictError());
  }

  private static Sources sources(ConformanceCase c, List<String> modules) {
    Sources.Builder sources = Sources.builder().data(c.data());
    for (int i = 0; i < modules.size(); i++) {
      sources.module("test-" + i + ".rego", modules.get(i));
    }
    return sources.build();
  }

  private static List<ConformanceCase> corpus() {
    try {
      return ConformanceTest.load();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
