package dev.verdict.bench;

import dev.verdict.PolicySet;
import dev.verdict.Result;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.Json;

/** Compiles the Verdict side of a benchmark, with a clear message when this build cannot. */
public final class VerdictPolicies {

  private VerdictPolicies() {}

  /** Compiles one Rego v1 module against base data given as JSON text. */
  public static PolicySet compile(String fileName, String rego, String dataJson) {
    Sources sources =
        Sources.builder().module(fileName, rego).data(Json.parse(dataJson)).build();
    try {
      return Verdict.compile(sources);
    } catch (UnsupportedOperationException e) {
      throw new IllegalStateException(
          "Verdict cannot compile policies in this build: dev.verdict.parser.Parser is still the"
              + " placeholder. Merge the parser, rebuild benchmarks.jar and run again.",
          e);
    }
  }

  /** True when the document is defined and is the boolean true. */
  public static boolean isTrue(Result result) {
    return result.defined() && BooleanValue.TRUE.equals(result.value());
  }
}
