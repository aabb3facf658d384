package dev.verdict.bench.opadocs;

import dev.verdict.PolicySet;
import dev.verdict.Result;
import dev.verdict.bench.Answers;
import dev.verdict.bench.Resources;
import dev.verdict.bench.VerdictPolicies;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.Json;
import dev.verdict.value.Value;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verdict on the policy OPA's published {@code opa bench} figure was measured with (the example of
 * its Policy Performance page), deciding the documented input every time, as {@code opa bench}
 * does. The answers for two more inputs are checked in setup so the port is known to be right.
 */
@State(Scope.Thread)
public class VerdictOpaDocs {

  static final String PATH = "rbac/allow";
  /** The page's input: bob may only read, so this is a deny. */
  static final String DOCUMENTED_INPUT =
      "{\"subject\": \"bob\", \"resource\": \"foo123\", \"action\": \"write\"}";

  private static final String[] CHECKED = {
    DOCUMENTED_INPUT,
    "{\"subject\": \"alice\", \"resource\": \"foo123\", \"action\": \"write\"}",
    "{\"subject\": \"bob\", \"resource\": \"foo123\", \"action\": \"read\"}",
  };
  private static final boolean[] EXPECTED = {false, true, true};

  private PolicySet policies;
  private Value input;

  @Setup(Level.Trial)
  public void setUp() {
    policies =
        VerdictPolicies.compile("rbac.rego", Resources.text("opadocs/policy.rego"), "{}");
    Answers.verify(
        "Verdict (OPA docs example)",
        EXPECTED,
        i -> CHECKED[i],
        i -> VerdictPolicies.isTrue(decide(Json.parse(CHECKED[i]))));
    input = Json.parse(DOCUMENTED_INPUT);
  }

  /** Decides the documented input. */
  public Result next() {
    return decide(input);
  }

  Result decide(Value in) {
    return policies.eval(PATH, EvalOptions.builder().input(in).build());
  }
}
