package dev.verdict.builtins.http;

import dev.verdict.value.ObjectValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * http.send's cache across queries (requests with {@code cache} or {@code force_cache}): bounded,
 * least recently used first out, entries keyed by the request and kept until their expiry.
 */
public final class InterQueryCache {

  /** A stored response and when it goes stale. */
  public record Entry(HttpSendTransport.Response response, Instant expiresAt) {}

  private static final int MAX_ENTRIES = 1024;
  private static final Map<ObjectValue, Entry> ENTRIES = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ObjectValue, InterQueryCache.Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  private InterQueryCache() {}

  public static synchronized Entry get(ObjectValue key) {
    return ENTRIES.get(key);
  }

  public static synchronized void put(ObjectValue key, Entry entry) {
    ENTRIES.put(key, entry);
  }

  public static synchronized void remove(ObjectValue key) {
    ENTRIES.remove(key);
  }

  /** Forgets everything (tests, and embedders reloading policies). */
  public static synchronized void clear() {
    ENTRIES.clear();
  }
}
