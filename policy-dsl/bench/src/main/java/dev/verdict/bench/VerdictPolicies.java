package dev.verdict.bench;

import dev.verdict.PolicySet;
import dev.verdict.Result;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.Json;

/** Compiles the Verdict side of a benchmark. */
public final class VerdictPolicies {

  private VerdictPolicies() {}

  /** Compiles one Rego v1 module against base data given as JSON text. */
  public static PolicySet compile(String fileName, String rego, String dataJson) {
    Sources sources =
        Sources.builder().module(fileName, rego).data(Json.parse(dataJson)).build();
    return Verdict.compile(sources);
  }

  /** True when the document is defined and is the boolean true. */
  public static boolean isTrue(Result result) {
    return result.defined() && BooleanValue.TRUE.equals(result.value());
  }
}
