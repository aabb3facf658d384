package dev.verdict.service.store;

import dev.verdict.PolicySet;
import java.time.Instant;
import java.util.Map;

/**
 * One compiled revision of every policy and all data, served as a whole until the next one.
 *
 * @param bundles the manifest revision of each bundle in it, by name (empty without bundles)
 */
public record Snapshot(PolicySet policies, Instant activatedAt, Map<String, String> bundles) {

  public Snapshot {
    bundles = Map.copyOf(bundles);
  }

  public String revision() {
    return policies.revision();
  }
}
