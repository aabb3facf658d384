package dev.verdict.sandbox.capabilities;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The key-value store behind {@code verdict.kv.*}: one namespace per tenant, bounded. */
public final class KvStore {

  private final Map<String, Map<String, byte[]>> tenants = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final int maxValueBytes;

  public KvStore(int maxEntries, int maxValueBytes) {
    this.maxEntries = maxEntries;
    this.maxValueBytes = maxValueBytes;
  }

  public byte[] read(String tenant, String key) {
    return tenants.getOrDefault(tenant, Map.of()).get(key);
  }

  /** False when the value is too large or the tenant's namespace is full. */
  public boolean write(String tenant, String key, byte[] value) {
    if (value.length > maxValueBytes) {
      return false;
    }
    Map<String, byte[]> ns = tenants.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    synchronized (ns) {
      if (!ns.containsKey(key) && ns.size() >= maxEntries) {
        return false;
      }
      ns.put(key, value.clone());
      return true;
    }
  }
}
