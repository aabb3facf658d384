package dev.verdict.bench.demo;

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
 * Verdict on opa-java-wasm's demo policy ported to Rego v1, same data and inputs. Two ways in:
 * {@link #next()} takes an input parsed in setup (Verdict's in-process API), {@link #nextJson()}
 * takes JSON text and returns JSON text, the same work opa-java-wasm's API does per call.
 */
@State(Scope.Thread)
public class VerdictDemo {

  static final String PATH = DemoFixture.ENTRYPOINT;

  private final Cursor cursor = new Cursor(DemoFixture.REQUESTS);
  private PolicySet policies;
  private String[] json;
  private Value[] inputs;

  @Setup(Level.Trial)
  public void setUp() {
    DemoFixture fixture = DemoFixture.load();
    policies = VerdictPolicies.compile("demo.rego", fixture.policy(), fixture.dataJson());
    json = fixture.inputs().toArray(String[]::new);
    inputs = fixture.inputs().stream().map(Json::parse).toArray(Value[]::new);
    Answers.verify(
        "Verdict (demo)",
        fixture.expected(),
        fixture::describe,
        i -> VerdictPolicies.isTrue(decide(inputs[i])));
    Answers.verify(
        "Verdict (demo, JSON in and out)",
        fixture.expected(),
        fixture::describe,
        i -> "true".equals(decideJson(json[i])));
  }

  /** Decides the next request from its parsed input. */
  public Result next() {
    return decide(inputs[cursor.next()]);
  }

  /** Decides the next request from JSON text to JSON text. */
  public String nextJson() {
    return decideJson(json[cursor.next()]);
  }

  Result decide(Value input) {
    return policies.eval(PATH, EvalOptions.builder().input(input).build());
  }

  String decideJson(String input) {
    Result result = decide(Json.parse(input));
    return result.defined() ? Json.toJson(result.value()) : "";
  }
}
