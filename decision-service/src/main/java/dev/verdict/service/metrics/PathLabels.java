package dev.verdict.service.metrics;

import dev.verdict.service.store.DocPath;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the {@code path} label bounded: the first paths seen keep their name, later ones share
 * {@code _other}. Paths come from URLs, so without a bound a scanner could create unlimited series.
 */
@Singleton
public class PathLabels {

  static final int MAX_PATHS = 200;
  static final String OTHER = "_other";

  private final Set<String> known = ConcurrentHashMap.newKeySet();

  public String of(DocPath path) {
    String p = path.toString();
    if (known.contains(p)) {
      return p;
    }
    // Racing threads may admit a few past the bound; the bound only has to be finite.
    if (known.size() < MAX_PATHS) {
      known.add(p);
      return p;
    }
    return OTHER;
  }
}
