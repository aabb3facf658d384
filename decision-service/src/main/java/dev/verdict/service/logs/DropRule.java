package dev.verdict.service.logs;

import dev.verdict.PolicySet;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.ObjectValue;
import org.jboss.logging.Logger;

/**
 * OPA's decision-log drop rule: {@code data.system.log.drop} by default, evaluated with the event
 * as input before masking; {@code true} drops the event (counted, never silent). Unlike OPA, a rule
 * that fails keeps the event: a broken filter must not empty the audit trail. Its failure is
 * reported once per policy set rather than once per decision.
 */
final class DropRule {

  private static final Logger LOG = Logger.getLogger(DropRule.class);

  private final LogRule rule;
  private PolicySet lastFailed;

  DropRule(String rule) {
    this.rule = new LogRule(rule);
  }

  boolean definedIn(PolicySet policies) {
    return rule.definedIn(policies);
  }

  /** Called from the single writer thread only. */
  boolean drops(ObjectValue event, PolicySet policies) {
    if (!rule.definedIn(policies)) {
      return false;
    }
    try {
      return rule.eval(policies, event) instanceof BooleanValue b && b.value();
    } catch (RuntimeException e) {
      if (lastFailed != policies) {
        lastFailed = policies;
        LOG.warnf("decision log drop rule %s failed, events kept: %s", rule.path(), e.getMessage());
      }
      return false;
    }
  }
}
