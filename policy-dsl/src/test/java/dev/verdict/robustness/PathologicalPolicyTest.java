package dev.verdict.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.PolicySet;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.error.RegoError;
import dev.verdict.error.RegoException;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Policies built to exhaust the evaluator end with {@code eval_cancel_error} (deadline or step
 * budget), recursion with {@code rego_recursion_error}, and source nested too deeply with a parse
 * error: never a hang, a {@link StackOverflowError} or an {@link OutOfMemoryError}.
 */
class PathologicalPolicyTest {

  private static final String PRODUCT =
      """
      package p

      n := count([x |
        some a in numbers.range(1, 1000)
        some b in numbers.range(1, 1000)
        some c in numbers.range(1, 1000)
        x := a * b * c
      ])
      """;

  @Test
  void runawayComprehensionSpendsTheStepBudget() {
    RegoException e = cancelled(PRODUCT, null, EvalOptions.builder().stepBudget(100_000).timeout(Duration.ofMinutes(5)));
    assertTrue(e.getMessage().contains("step budget"), e.getMessage());
  }

  @Test
  void runawayComprehensionMeetsTheDeadline() {
    RegoException e = cancelled(PRODUCT, null, EvalOptions.builder().stepBudget(Long.MAX_VALUE).timeout(Duration.ofMillis(200)));
    assertTrue(e.getMessage().contains("deadline"), e.getMessage());
  }

  @Test
  void hugeRangeEndsWithALimit() {
    cancelled("package p\n\nn := count(numbers.range(1, 2000000000))\n", null, CleanOutcome.limits());
  }

  @Test
  void stringBuiltInALoopSpendsTheBudget() {
    cancelled(
        "package p\n\nn := count(concat(\"\", [s | some i in numbers.range(1, 10000000); s := sprintf(\"%d-padding\", [i])]))\n",
        null, CleanOutcome.limits());
  }

  @Test
  void stringDoubledRuleByRuleIsStopped() {
    StringBuilder policy = new StringBuilder("package p\n\ns0 := \"0123456789abcdef\"\n");
    for (int i = 1; i <= 40; i++) {
      policy.append("s").append(i).append(" := concat(\"\", [s").append(i - 1).append(", s").append(i - 1).append("])\n");
    }
    policy.append("n := count(s40)\n");
    cancelled(policy.toString(), null, CleanOutcome.limits());
  }

  @Test
  void walkOverDeeplyNestedInput() {
    cancelled("package p\n\nn := count([p | walk(input, [p, _])])\n", deepArray(100_000), CleanOutcome.limits());
  }

  @Test
  void comparingDeeplyNestedInput() {
    cancelled("package p\n\nn if input == [input]\n", deepArray(100_000), CleanOutcome.limits());
  }

  @Test
  void serializingDeeplyNestedInput() {
    cancelled("package p\n\nn := count(json.marshal(input))\n", deepArray(100_000), CleanOutcome.limits());
  }

  @Test
  void deeplyNestedInputInAQuery() {
    CleanOutcome.expectCode(RegoError.EVAL_CANCEL, () -> compile("package p\n").query("input == [input]", CleanOutcome.limits().input(deepArray(100_000)).build()));
  }

  @Test
  void deeplyNestedBaseDataReadFromJson() {
    Value data = Json.parse("{\"d\": " + "[".repeat(9_000) + "]".repeat(9_000) + "}");
    CleanOutcome.within(() -> Verdict.compile(Sources.builder().module("p.rego", "package p\n\nn := count(data.d)\n").data(data).build())
        .eval("p", CleanOutcome.limits().build()));
  }

  @Test
  void deeplyNestedBaseData() {
    Value data = ObjectValue.of(StringValue.of("d"), deepArray(100_000));
    CleanOutcome.within(() -> Verdict.compile(Sources.builder().module("p.rego", "package p\n\nn := count(data.d)\n").data(data).build())
        .eval("p", CleanOutcome.limits().build()));
  }

  @Test
  void recursiveFunctionIsACompileError() {
    CleanOutcome.expectCode(RegoError.RECURSION, () -> compile("package p\n\nf(x) := f(x)\n"));
  }

  @Test
  void mutuallyRecursiveFunctionsAreACompileError() {
    CleanOutcome.expectCode(RegoError.RECURSION, () -> compile("package p\n\nf(x) := g(x)\n\ng(x) := f(x + 1)\n"));
  }

  @Test
  void tenThousandNestedParentheses() {
    String expr = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    CleanOutcome.expectCode(RegoError.PARSE, () -> compile("package p\n\nx := " + expr + "\n"));
  }

  @Test
  void tenThousandNestedArrays() {
    String expr = "[".repeat(10_000) + "1" + "]".repeat(10_000);
    CleanOutcome.expectCode(RegoError.PARSE, () -> compile("package p\n\nx := " + expr + "\n"));
  }

  @Test
  void nestingJustUnderTheParserLimitCompilesAndRuns() {
    String expr = "[".repeat(999) + "1" + "]".repeat(999);
    String calls = "abs(".repeat(999) + "-1" + ")".repeat(999);
    evalAll("package p\n\nx := " + expr + "\n\ny := " + calls + "\n", null, CleanOutcome.limits());
  }

  @Test
  void tenThousandChainedOperators() {
    CleanOutcome.expectCode(RegoError.PARSE, () -> compile("package p\n\nx := 1" + " + 1".repeat(10_000) + "\n"));
  }

  @Test
  void tenThousandChainedUnions() {
    CleanOutcome.expectCode(RegoError.PARSE, () -> compile("package p\n\nx := {1}" + " | {1}".repeat(10_000) + "\n"));
  }

  @Test
  void tenThousandChainedMemberships() {
    CleanOutcome.expectCode(RegoError.PARSE, () -> compile("package p\n\nx := 1" + " in [1]".repeat(10_000) + "\n"));
  }

  @Test
  void tenThousandNegations() {
    evalAll("package p\n\nx := " + "-".repeat(10_000) + "1\n", null, CleanOutcome.limits());
  }

  @Test
  void chainInsideBracketsJustUnderTheLimit() {
    String chain = "1" + " + 1".repeat(499);
    String nested = "[".repeat(500) + chain + "]".repeat(500);
    String parenthesized = "(".repeat(500) + chain + ")".repeat(500);
    evalAll("package p\n\nx := " + nested + "\n\ny := " + parenthesized + "\n", null, CleanOutcome.limits());
  }

  @Test
  void chainInsideBracketsJustOverTheLimit() {
    String chain = "1" + " + 1".repeat(501);
    CleanOutcome.expectCode(RegoError.PARSE, () -> compile("package p\n\nx := " + "[".repeat(500) + chain + "]".repeat(500) + "\n"));
  }

  @Test
  void longChainOfRules() {
    StringBuilder policy = new StringBuilder("package p\n\nr0 := 1\n");
    for (int i = 1; i <= 10_000; i++) {
      policy.append("r").append(i).append(" := r").append(i - 1).append(" + 1\n");
    }
    evalAll(policy.toString(), null, CleanOutcome.limits());
  }

  /** An array nested {@code depth} deep, built without recursion: JSON parsers refuse this depth. */
  static Value deepArray(int depth) {
    Value v = NumberValue.of(1);
    for (int i = 0; i < depth; i++) {
      v = ArrayValue.of(v);
    }
    return v;
  }

  private static PolicySet compile(String policy) {
    return Verdict.compile(Sources.builder().module("p.rego", policy).build());
  }

  /** Evaluates the whole package: a result or a clean error. */
  private static RegoException evalAll(String policy, Value input, EvalOptions.Builder options) {
    return CleanOutcome.within(() -> compile(policy).eval("p", options.input(input).build()));
  }

  private static RegoException cancelled(String policy, Value input, EvalOptions.Builder options) {
    return CleanOutcome.expectCode(RegoError.EVAL_CANCEL, () -> compile(policy).eval("p", options.input(input).build()));
  }
}
