package dev.verdict.service.logs;

import dev.verdict.PolicySet;
import dev.verdict.service.store.DataDocs;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * OPA's decision-log masking: the mask rule ({@code data.system.log.mask} by default) is evaluated
 * with the event as input and yields JSON pointers to erase ({@code "/input/password"}) or objects
 * {@code {"op": "remove"|"upsert", "path": …, "value": …}}. Only paths under {@code /input} and
 * {@code /result} may be touched; what was erased or upserted is listed in {@code erased} and
 * {@code masked}. If the rule fails, input and result are both erased: a log must not leak what a
 * broken mask was meant to hide.
 */
final class EventMasker {

  private static final Logger LOG = Logger.getLogger(EventMasker.class);
  private final LogRule rule;

  EventMasker(String rule) {
    this.rule = new LogRule(rule);
  }

  boolean definedIn(PolicySet policies) {
    return rule.definedIn(policies);
  }

  ObjectValue mask(ObjectValue event, PolicySet policies) {
    if (!rule.definedIn(policies)) {
      return event;
    }
    Value masks;
    try {
      masks = rule.eval(policies, event);
    } catch (RuntimeException e) {
      LOG.warnf("decision log mask %s failed, input and result erased: %s", rule.path(), e.getMessage());
      return apply(event, List.of(remove("/input"), remove("/result")));
    }
    List<Value> ops = switch (masks) {
      case null -> List.of();
      case SetValue s -> s.asList();
      case ArrayValue a -> a.asList();
      default -> List.of();
    };
    return ops.isEmpty() ? event : apply(event, ops);
  }

  private static ObjectValue remove(String pointer) {
    return ObjectValue.builder().put("op", StringValue.of("remove")).put("path", StringValue.of(pointer)).build();
  }

  private static ObjectValue apply(ObjectValue event, List<Value> ops) {
    Value out = event;
    List<Value> erased = new ArrayList<>();
    List<Value> masked = new ArrayList<>();
    for (Value op : ops) {
      String pointer;
      String kind = "remove";
      Value value = null;
      if (op instanceof StringValue s) {
        pointer = s.value();
      } else if (op instanceof ObjectValue o && o.get("path") instanceof StringValue p && o.get("op") instanceof StringValue k) {
        pointer = p.value();
        kind = k.value();
        value = o.get("value");
      } else {
        continue;
      }
      if (!(pointer.equals("/input") || pointer.startsWith("/input/") || pointer.equals("/result") || pointer.startsWith("/result/"))) {
        continue;
      }
      List<String> keys = DataDocs.pointer(pointer);
      if (kind.equals("remove") && DataDocs.get(out, keys) != null) {
        out = DataDocs.remove(out, keys);
        erased.add(StringValue.of(pointer));
      } else if (kind.equals("upsert") && value != null && DataDocs.get(out, keys.subList(0, 1)) != null) {
        out = DataDocs.set(out, keys, value);
        masked.add(StringValue.of(pointer));
      }
    }
    ObjectValue.Builder b = ((ObjectValue) out).toBuilder();
    if (!erased.isEmpty()) {
      b.put("erased", ArrayValue.of(erased));
    }
    if (!masked.isEmpty()) {
      b.put("masked", ArrayValue.of(masked));
    }
    return b.build();
  }
}
