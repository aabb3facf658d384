package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.ANY_ARRAY;
import static dev.verdict.types.Type.ANY_OBJECT;
import static dev.verdict.types.Type.ANY_SET;

import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code object.get keys remove filter union union_n subset} and the {@code walk} relation. */
final class ObjectBuiltins {

  private ObjectBuiltins() {}

  static void register(BuiltinRegistry r) {
    Type keys = Type.anyOf(ANY_ARRAY, ANY_OBJECT, ANY_SET);
    Type collection = Type.anyOf(ANY_OBJECT, ANY_SET, ANY_ARRAY);
    r.function("object.get", Signature.of(ANY, ANY_OBJECT, ANY, ANY), ObjectBuiltins::get);
    r.function("object.keys", Signature.of(ANY_SET, ANY_OBJECT), (ctx, a) -> Operands.object(a, 0).keySet());
    r.function("object.remove", Signature.of(ANY, ANY_OBJECT, keys), (ctx, a) -> {
      ObjectValue obj = Operands.object(a, 0);
      SetValue remove = keyParam(a[1]);
      ObjectValue.Builder b = ObjectValue.builder();
      for (int i = 0; i < obj.size(); i++) {
        if (!remove.contains(obj.key(i))) {
          b.put(obj.key(i), obj.value(i));
        }
      }
      return b.size() == obj.size() ? obj : b.build();
    });
    r.function("object.filter", Signature.of(ANY, ANY_OBJECT, keys), (ctx, a) -> {
      ObjectValue obj = Operands.object(a, 0);
      SetValue keep = keyParam(a[1]);
      ObjectValue.Builder b = ObjectValue.builder();
      for (Value k : keep.asList()) {
        Value v = obj.get(k);
        if (v != null) {
          b.put(k, v);
        }
      }
      return b.size() == obj.size() ? obj : b.build();
    });
    r.function("object.union", Signature.of(ANY, ANY_OBJECT, ANY_OBJECT), (ctx, a) ->
        union(Operands.object(a, 0), Operands.object(a, 1)));
    r.function("object.union_n", Signature.of(ANY, Type.arrayOf(ANY_OBJECT)), (ctx, a) -> {
      ArrayValue arr = Operands.array(a, 0);
      Merge merged = new Merge();
      for (Value e : arr.asList()) {
        if (!(e instanceof ObjectValue o)) {
          throw Args.elementError(1, arr, e, "object");
        }
        merged.add(o);
      }
      return merged.build();
    });
    r.function("object.subset", Signature.of(ANY, collection, collection), ObjectBuiltins::subset);
    r.relation("walk", Signature.of(Type.arrayOf(ANY), ANY), (ctx, a) -> walk(ctx, a[0]));
  }

  private static Value get(BuiltinContext ctx, Value[] a) {
    ObjectValue obj = Operands.object(a, 0);
    if (!(a[1] instanceof ArrayValue path)) {
      Value v = obj.get(a[1]);
      return v != null ? v : a[2];
    }
    Value v = find(obj, path.asList());
    return v != null ? v : a[2];
  }

  /** Follows a path of keys, indexes and set members (OPA's {@code Value.Find}); null when absent. */
  static Value find(Value v, List<Value> path) {
    for (Value key : path) {
      v = switch (v) {
        case ObjectValue o -> o.get(key);
        case ArrayValue arr -> arr.get(key);
        case SetValue s -> s.contains(key) ? key : null;
        default -> null;
      };
      if (v == null) {
        return null;
      }
    }
    return v;
  }

  /** The keys named by an array, set or object operand. */
  private static SetValue keyParam(Value v) {
    return switch (v) {
      case ArrayValue arr -> SetValue.of(arr.asList());
      case SetValue s -> s;
      case ObjectValue o -> o.keySet();
      default -> throw BuiltinException.operandType(2, "one of {object, set, array}", v);
    };
  }

  /** Right wins, except where both sides hold objects: those merge recursively. */
  static ObjectValue union(ObjectValue a, ObjectValue b) {
    if (a.equals(b) || b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    ObjectValue.Builder out = a.toBuilder();
    for (int i = 0; i < b.size(); i++) {
      Value k = b.key(i);
      Value mine = out.get(k);
      Value theirs = b.value(i);
      out.put(k, mine instanceof ObjectValue x && theirs instanceof ObjectValue y ? union(x, y) : theirs);
    }
    return out.build();
  }

  /**
   * object.union_n folds object.union from left to right; this does the same in one mutable tree
   * rather than copying every intermediate object.
   */
  private static final class Merge {
    private final Map<Value, Object> entries = new LinkedHashMap<>();

    void add(ObjectValue o) {
      for (int i = 0; i < o.size(); i++) {
        Value k = o.key(i);
        Value v = o.value(i);
        Object mine = entries.get(k);
        if (v instanceof ObjectValue vo && (mine instanceof Merge || mine instanceof ObjectValue)) {
          Merge m;
          if (mine instanceof Merge existing) {
            m = existing;
          } else {
            m = new Merge();
            m.add((ObjectValue) mine);
            entries.put(k, m);
          }
          m.add(vo);
        } else {
          entries.put(k, v);
        }
      }
    }

    ObjectValue build() {
      ObjectValue.Builder b = ObjectValue.builder();
      entries.forEach((k, v) -> b.put(k, v instanceof Merge m ? m.build() : (Value) v));
      return b.build();
    }
  }

  private static Value subset(BuiltinContext ctx, Value[] a) {
    Value sup = a[0];
    Value sub = a[1];
    if (sup instanceof ObjectValue x && sub instanceof ObjectValue y) {
      return BooleanValue.of(objectSubset(x, y));
    }
    if (sup instanceof SetValue x && sub instanceof SetValue y) {
      return BooleanValue.of(setSubset(x, y));
    }
    if (sup instanceof ArrayValue x && sub instanceof ArrayValue y) {
      return BooleanValue.of(arraySubset(x, y));
    }
    if (sup instanceof ArrayValue x && sub instanceof SetValue y) {
      return BooleanValue.of(arraySetSubset(x, y));
    }
    throw new BuiltinException(
        BuiltinException.Code.TYPE_ERROR, "both arguments object.subset must be of the same type or array and set");
  }

  private static boolean objectSubset(ObjectValue sup, ObjectValue sub) {
    for (int i = 0; i < sub.size(); i++) {
      Value mine = sup.get(sub.key(i));
      Value theirs = sub.value(i);
      if (mine == null) {
        return false;
      }
      if (mine.equals(theirs)) {
        continue;
      }
      if (!nestedSubset(mine, theirs)) {
        return false;
      }
    }
    return true;
  }

  /** Objects, sets and arrays nest; any other unequal pair is not a subset. */
  private static boolean nestedSubset(Value mine, Value theirs) {
    if (mine instanceof ObjectValue x && theirs instanceof ObjectValue y) {
      return objectSubset(x, y);
    }
    if (mine instanceof SetValue x && theirs instanceof SetValue y) {
      return setSubset(x, y);
    }
    return mine instanceof ArrayValue x && theirs instanceof ArrayValue y && arraySubset(x, y);
  }

  private static boolean setSubset(SetValue sup, SetValue sub) {
    for (Value e : sub.asList()) {
      if (!sup.contains(e)) {
        return false;
      }
    }
    return true;
  }

  /** The sub array appears in the super array as a contiguous run. */
  private static boolean arraySubset(ArrayValue sup, ArrayValue sub) {
    int n = sub.size();
    for (int start = 0; start + n <= sup.size(); start++) {
      int k = 0;
      while (k < n && sup.get(start + k).equals(sub.get(k))) {
        k++;
      }
      if (k == n) {
        return true;
      }
    }
    return false;
  }

  /**
   * As OPA counts it: walking the array, each element found in the set counts once more, and
   * the answer is whether the count of unmatched members reaches zero at some element (so an
   * empty set is a subset of any non-empty array, and repeated elements count again).
   */
  private static boolean arraySetSubset(ArrayValue sup, SetValue sub) {
    int unmatched = sub.size();
    for (Value e : sup.asList()) {
      if (sub.contains(e)) {
        unmatched--;
      }
      if (unmatched == 0) {
        return true;
      }
    }
    return false;
  }

  /** Every [path, value] pair, parents before children, in key / index / member order. */
  private static ArrayValue walk(BuiltinContext ctx, Value root) {
    List<Value> out = new ArrayList<>();
    walk(ctx, new ArrayList<>(), root, out);
    return ArrayValue.of(out);
  }

  private static void walk(BuiltinContext ctx, List<Value> path, Value v, List<Value> out) {
    out.add(ArrayValue.of(ArrayValue.of(path), v));
    if ((out.size() & 1023) == 0) {
      ctx.checkLimits();
    }
    switch (v) {
      case ArrayValue a -> {
        for (int i = 0; i < a.size(); i++) {
          path.add(dev.verdict.value.NumberValue.of(i));
          walk(ctx, path, a.get(i), out);
          path.remove(path.size() - 1);
        }
      }
      case ObjectValue o -> {
        for (int i = 0; i < o.size(); i++) {
          path.add(o.key(i));
          walk(ctx, path, o.value(i), out);
          path.remove(path.size() - 1);
        }
      }
      case SetValue s -> {
        for (Value e : s.asList()) {
          path.add(e);
          walk(ctx, path, e, out);
          path.remove(path.size() - 1);
        }
      }
      default -> {}
    }
  }
}
