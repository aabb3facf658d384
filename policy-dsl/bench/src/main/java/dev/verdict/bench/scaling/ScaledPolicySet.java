package dev.verdict.bench.scaling;

import dev.verdict.PolicySet;
import dev.verdict.Result;
import dev.verdict.bench.VerdictPolicies;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.Json;
import dev.verdict.value.Value;
import java.util.EnumMap;
import java.util.Map;

/** A compiled generated policy set and its probe inputs, checked to answer every probe right. */
public final class ScaledPolicySet {

  private final int rules;
  private final PolicySet policies;
  private final Map<ScalingPolicy.Probe, Value> inputs = new EnumMap<>(ScalingPolicy.Probe.class);

  private ScaledPolicySet(int rules, PolicySet policies) {
    this.rules = rules;
    this.policies = policies;
    for (ScalingPolicy.Probe probe : ScalingPolicy.Probe.values()) {
      inputs.put(probe, Json.parse(probe.input(rules)));
    }
  }

  /** Compiles generated Rego source of {@code rules} rules (generate it with {@link ScalingPolicy}). */
  public static ScaledPolicySet compile(int rules, String source) {
    return new ScaledPolicySet(rules, VerdictPolicies.compile("scale.rego", source, "{}"));
  }

  public Value input(ScalingPolicy.Probe probe) {
    return inputs.get(probe);
  }

  public Result decide(Value input) {
    return policies.eval(ScalingPolicy.PATH, EvalOptions.builder().input(input).build());
  }

  /** @throws IllegalStateException when a probe gets the wrong answer */
  public ScaledPolicySet verify() {
    for (ScalingPolicy.Probe probe : ScalingPolicy.Probe.values()) {
      boolean got = VerdictPolicies.isTrue(decide(input(probe)));
      if (got != probe.allowed()) {
        throw new IllegalStateException(
            "Verdict with "
                + rules
                + " rules answered "
                + got
                + " for "
                + probe
                + " "
                + probe.input(rules)
                + ", expected "
                + probe.allowed());
      }
    }
    return this;
  }

  public PolicySet policies() {
    return policies;
  }
}
