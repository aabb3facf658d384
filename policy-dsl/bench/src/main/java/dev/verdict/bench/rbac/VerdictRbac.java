package dev.verdict.bench.rbac;

import dev.verdict.PolicySet;
import dev.verdict.Result;
import dev.verdict.bench.Answers;
import dev.verdict.bench.Cursor;
import dev.verdict.bench.VerdictPolicies;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.Json;
import dev.verdict.value.Value;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verdict on OPA's RBAC example: the policy is compiled once; each invocation evaluates {@code
 * data.app.rbac.allow} for the next request, whose input document was parsed in setup.
 */
@State(Scope.Thread)
public class VerdictRbac {

  static final String PATH = "app/rbac/allow";

  private final Cursor cursor = new Cursor(RbacFixture.REQUESTS);
  private PolicySet policies;
  private Value[] inputs;

  @Setup(Level.Trial)
  public void setUp() {
    RbacFixture fixture = RbacFixture.load();
    policies = VerdictPolicies.compile("rbac.rego", fixture.policy(), fixture.dataJson());
    inputs =
        fixture.requests().stream().map(r -> Json.parse(r.toJson())).toArray(Value[]::new);
    Answers.verify(
        "Verdict (RBAC)",
        fixture.expected(),
        fixture::describe,
        i -> VerdictPolicies.isTrue(decide(i)));
  }

  /** Decides the next request. */
  public Result next() {
    return decide(cursor.next());
  }

  Result decide(int i) {
    return policies.eval(PATH, EvalOptions.builder().input(inputs[i]).build());
  }
}
