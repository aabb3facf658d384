package dev.verdict.builtins;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;

/**
 * A bounded, thread-safe cache of compiled patterns (regexes, globs, templates), shared by all
 * queries: a pattern seen again is not recompiled while it stays in the cache. Caffeine keeps
 * reads lock-free, which matters when many decisions match the same pattern at once.
 */
final class BoundedCache<K, V> {

  private final Cache<K, V> cache;

  BoundedCache(int capacity) {
    this.cache = Caffeine.newBuilder().maximumSize(capacity).build();
  }

  V get(K key, Function<K, V> compute) {
    return cache.get(key, compute);
  }
}
