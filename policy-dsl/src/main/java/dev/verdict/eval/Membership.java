package dev.verdict.eval;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.Value;

/** {@code x in xs} and {@code k, v in xs}: membership among values (and keys or indexes). */
final class Membership {

  private Membership() {}

  static boolean contains(Value coll, Value x) {
    return switch (coll) {
      case SetValue s -> s.contains(x);
      case ArrayValue a -> {
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i).equals(x)) {
            yield true;
          }
        }
        yield false;
      }
      case ObjectValue o -> {
        for (int i = 0; i < o.size(); i++) {
          if (o.value(i).equals(x)) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }

  static boolean contains(Value coll, Value key, Value x) {
    Value v = Docs.child(coll, key);
    return v != null && v.equals(x);
  }
}
