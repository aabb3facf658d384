package dev.verdict.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * The documents computed in one scope of a query (a {@code with} or a mock opens its own): rule
 * roots in an array by number, since most policies have a handful and most queries read them,
 * anything else (roots past the array, namespaces) in a map made on first use.
 */
final class DocCache {

  /** Rule roots numbered below this get a slot; enough for typical policies, small to allocate. */
  private static final int SLOTS = 32;

  private final Object[] slots;
  private Map<Object, Object> others;

  DocCache(Program program) {
    this.slots = new Object[Math.min(program.ruleSetCount(), SLOTS)];
  }

  Object get(Object key) {
    int s = slot(key);
    if (s >= 0) {
      return slots[s];
    }
    return others == null ? null : others.get(key);
  }

  void put(Object key, Object value) {
    int s = slot(key);
    if (s >= 0) {
      slots[s] = value;
    } else {
      if (others == null) {
        others = new HashMap<>();
      }
      others.put(key, value);
    }
  }

  void remove(Object key) {
    int s = slot(key);
    if (s >= 0) {
      slots[s] = null;
    } else if (others != null) {
      others.remove(key);
    }
  }

  private int slot(Object key) {
    return key instanceof RuleSet r && r.id < slots.length ? r.id : -1;
  }
}
