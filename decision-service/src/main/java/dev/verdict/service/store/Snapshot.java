package dev.verdict.service.store;

import dev.verdict.PolicySet;
import java.time.Instant;

/** One compiled revision of every policy and all data, served as a whole until the next one. */
public record Snapshot(PolicySet policies, Instant activatedAt) {

  public String revision() {
    return policies.revision();
  }
}
