package dev.verdict.service.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A document path as the APIs take it ({@code app/rbac/allow}, {@code data.app.rbac.allow}),
 * normalised to its keys so that every spelling shares one cache key, one mode and one label.
 */
public record DocPath(List<String> keys) {

  public static final DocPath ROOT = new DocPath(List.of());

  public DocPath {
    keys = List.copyOf(keys);
  }

  public static DocPath parse(String text) {
    String p = text == null ? "" : text.strip();
    if (p.equals("data")) {
      return ROOT;
    }
    if (p.startsWith("data.")) {
      p = p.substring(5).replace('.', '/');
    }
    List<String> keys = new ArrayList<>();
    for (String part : p.split("/")) {
      if (!part.isEmpty()) {
        keys.add(part);
      }
    }
    return new DocPath(keys);
  }

  public boolean startsWith(DocPath prefix) {
    return keys.size() >= prefix.keys.size() && keys.subList(0, prefix.keys.size()).equals(prefix.keys);
  }

  public boolean isRoot() {
    return keys.isEmpty();
  }

  /** {@code app/rbac/allow}; empty for the root. */
  @Override
  public String toString() {
    return String.join("/", keys);
  }
}
