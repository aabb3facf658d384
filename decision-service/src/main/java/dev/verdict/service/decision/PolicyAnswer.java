package dev.verdict.service.decision;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.List;

/**
 * What a policy document says about one decision. The document is a boolean, or an object with a
 * boolean {@code allow} and optional {@code reasons} (array or set) and {@code obligations}
 * (object); other fields travel in the raw result. Undefined is a deny, as in Shannon.
 */
record PolicyAnswer(boolean allow, List<Value> reasons, Value obligations) {

  static final String UNDEFINED_REASON = "no policy rule matched (undefined)";

  /** The document has a shape the decision API cannot read; treated like an evaluation error. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  static PolicyAnswer of(Value doc) {
    return switch (doc) {
      case null -> new PolicyAnswer(false, List.of(StringValue.of(UNDEFINED_REASON)), ObjectValue.EMPTY);
      case BooleanValue b -> new PolicyAnswer(b.value(), List.of(), ObjectValue.EMPTY);
      case ObjectValue o -> fromObject(o);
      default -> throw new Malformed("decision document is " + doc.typeName() + ", want a boolean or an object with allow");
    };
  }

  private static PolicyAnswer fromObject(ObjectValue o) {
    if (!(o.get("allow") instanceof BooleanValue allow)) {
      throw new Malformed("decision document has no boolean allow field");
    }
    List<Value> reasons = switch (o.get("reasons")) {
      case null -> List.of();
      case ArrayValue a -> a.asList();
      case SetValue s -> s.asList();
      case Value v -> List.of(v);
    };
    Value obligations = o.get("obligations");
    return new PolicyAnswer(allow.value(), reasons, obligations == null ? ObjectValue.EMPTY : obligations);
  }
}
