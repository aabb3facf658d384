package dev.verdict.service.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import dev.verdict.Result;
import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.store.Snapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * Raw policy answers (defined or undefined), before any mode is applied. Answers that depended on
 * a nondeterministic builtin are never stored; errors are never stored because they are thrown,
 * not returned. A new revision empties the cache (the revision in the key already makes old
 * entries unreachable; clearing frees them at once).
 */
@Singleton
public class DecisionCache {

  /** An answer and whether it came from the cache. */
  public record Lookup(Result result, boolean cached) {}

  private static final String NAME = "verdict_decisions";

  private final MeterRegistry registry;
  private final Cache<CacheKey, Result> cache;
  private final StatsCounter stats = new ConcurrentStatsCounter();
  private final boolean enabled;

  public DecisionCache(VerdictConfig config, MeterRegistry registry) {
    this.enabled = config.cache().enabled();
    // Maintenance (eviction, expiry) runs on the calling thread: handing it to the common pool
    // woke another thread for nearly every miss, which on a sidecar's one or two cores cost more
    // than the evaluation the entry saves.
    this.cache = Caffeine.newBuilder()
        .executor(Runnable::run)
        .maximumSize(config.cache().maxEntries())
        .expireAfterWrite(config.cache().ttl())
        .recordStats(() -> stats)
        .build();
    this.registry = registry;
    CaffeineCacheMetrics.monitor(registry, cache, NAME);
  }

  /** The cached answer for {@code key}, or {@code evaluate}'s (stored when deterministic). */
  public Lookup get(CacheKey key, Supplier<Result> evaluate) {
    if (!enabled) {
      return new Lookup(evaluate.get(), false);
    }
    Result hit = cache.getIfPresent(key);
    if (hit != null) {
      return new Lookup(hit, true);
    }
    Result fresh = evaluate.get();
    if (fresh.deterministic()) {
      cache.put(key, fresh);
    }
    return new Lookup(fresh, false);
  }

  /**
   * The answer stored under a request body's key, or null. Only a hit is counted: a miss goes on to
   * {@link #get} with the input's key, which counts the request once.
   */
  public Result peek(CacheKey key) {
    Result hit = enabled ? cache.asMap().get(key) : null;
    if (hit != null) {
      stats.recordHits(1);
    }
    return hit;
  }

  /** Stores {@code result} under a second key (a request body's), if it may be cached at all. */
  public void alias(CacheKey key, Result result) {
    if (enabled && result.deterministic()) {
      cache.put(key, result);
    }
  }

  /** Hits per lookup since start; NaN before the first lookup. */
  public double hitRate() {
    CacheStats s = cache.stats();
    return s.requestCount() == 0 ? Double.NaN : s.hitRate();
  }

  public long size() {
    return cache.estimatedSize();
  }

  /**
   * The cache's meters read this cache: they go with it, or a registry that outlives the application
   * (tests restart it) would keep showing a stopped cache (see {@code StoreMetrics}).
   */
  void stop(@Observes ShutdownEvent event) {
    registry.getMeters().stream().filter(m -> NAME.equals(m.getId().getTag("cache"))).toList().forEach(registry::remove);
  }

  void onRevision(@Observes Snapshot activated) {
    cache.invalidateAll();
  }
}
