package dev.verdict.service.store;

import java.time.Instant;
import java.util.List;

/**
 * How the last load of the policy directory went. A failed load keeps the previous revision
 * serving; {@code errors} says why the new one was refused.
 *
 * @param activated whether any load has succeeded since start (false until the first)
 */
public record LoadStatus(boolean activated, Instant attemptedAt, List<String> errors) {

  public LoadStatus {
    errors = List.copyOf(errors);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
