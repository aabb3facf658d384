package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/** An array, set or object comprehension: runs its body and collects the head of each solution. */
final class Comprehension implements ValueFn {

  enum Kind {
    ARRAY,
    SET,
    OBJECT
  }

  private final Kind kind;
  private final Step body;
  private final ValueFn head;
  private final ValueFn value;
  private final Location location;

  /** @param value the value term of an object comprehension (head is its key); null otherwise */
  Comprehension(Kind kind, Step body, ValueFn head, ValueFn value, Location location) {
    this.kind = kind;
    this.body = body;
    this.head = head;
    this.value = value;
    this.location = location;
  }

  @Override
  public Value eval(Ev ev, Value[] f) {
    if (kind == Kind.OBJECT) {
      ObjectValue.Builder b = ObjectValue.builder();
      ev.run(body, f, (e, frame) -> {
        e.tick();
        Value k = head.eval(e, frame);
        Value v = value.eval(e, frame);
        if (k != null && v != null) {
          Value existing = b.get(k);
          if (existing != null && !existing.equals(v)) {
            throw EvalException.conflict("object keys must be unique", location);
          }
          b.put(k, v);
        }
        return false;
      });
      return b.build();
    }
    List<Value> out = new ArrayList<>();
    ev.run(body, f, (e, frame) -> {
      e.tick();
      Value v = head.eval(e, frame);
      if (v != null) {
        out.add(v);
      }
      return false;
    });
    return kind == Kind.ARRAY ? ArrayValue.of(out) : SetValue.of(out);
  }
}
