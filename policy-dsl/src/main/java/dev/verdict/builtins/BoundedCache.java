package dev.verdict.builtins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small thread-safe LRU cache for compiled patterns (regexes, globs, templates): a pattern
 * seen again is never recompiled while it stays among the most recently used entries.
 * Compilation runs outside the lock; two threads racing on a new pattern may both compile it.
 */
final class BoundedCache<K, V> {

  private final Map<K, V> map;

  BoundedCache(int capacity) {
    this.map = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  V get(K key, Function<K, V> compute) {
    V v;
    synchronized (map) {
      v = map.get(key);
    }
    if (v != null) {
      return v;
    }
    v = compute.apply(key);
    synchronized (map) {
      map.putIfAbsent(key, v);
    }
    return v;
  }
}
