package dev.verdict.sandbox.decision;

import dev.verdict.sandbox.limits.LimitRequest;
import java.util.List;

/** What the decision service answered, or that it could not answer. */
public sealed interface DecisionOutcome {

  List<String> reasons();

  /** Allowed, with the capability patterns and limits the policy grants. */
  record Granted(String decisionId, List<String> capabilities, LimitRequest limits, List<String> reasons)
      implements DecisionOutcome {}

  record Denied(String decisionId, List<String> reasons) implements DecisionOutcome {}

  /** Unreachable, failing, or the breaker is open: the executor fails closed. */
  record Unavailable(String reason) implements DecisionOutcome {
    @Override
    public List<String> reasons() {
      return List.of(reason);
    }
  }
}
