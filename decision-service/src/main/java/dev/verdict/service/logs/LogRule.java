package dev.verdict.service.logs;

import dev.verdict.PolicySet;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.time.Duration;

/**
 * A rule the decision log consults about each event (the drop rule, the mask rule), evaluated with
 * the event as input. Used from the single writer thread only.
 */
final class LogRule {

  private static final Duration TIMEOUT = Duration.ofMillis(100);

  private final String path;
  private PolicySet checked;
  private boolean defined;

  LogRule(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }

  /**
   * Whether {@code policies} define the rule, remembered for the last policy set seen: most
   * revisions define neither rule, and asking costs more than writing a small event.
   */
  boolean definedIn(PolicySet policies) {
    if (policies != checked) {
      defined = policies.defines(path);
      checked = policies;
    }
    return defined;
  }

  /** The rule's value for {@code event}, null when undefined; evaluation errors are thrown. */
  Value eval(PolicySet policies, ObjectValue event) {
    return policies.eval(path, EvalOptions.builder().input(event).timeout(TIMEOUT).build()).value();
  }
}
