package dev.verdict.service.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A document path as the APIs take it ({@code app/rbac/allow}, {@code data.app.rbac.allow}),
 * normalised to its keys so that every spelling shares one cache key, one mode and one label. Its
 * text is joined once: every request asks for it (labels, cache keys, logs) several times.
 */
public final class DocPath {

  public static final DocPath ROOT = new DocPath(List.of());

  private final List<String> keys;
  private final String text;

  private DocPath(List<String> keys) {
    this.keys = List.copyOf(keys);
    this.text = String.join("/", keys);
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

  public List<String> keys() {
    return keys;
  }

  public boolean startsWith(DocPath prefix) {
    return keys.size() >= prefix.keys.size() && keys.subList(0, prefix.keys.size()).equals(prefix.keys);
  }

  public boolean isRoot() {
    return keys.isEmpty();
  }

  /** Keys never hold a slash (they were split at slashes), so the text tells paths apart. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DocPath d && text.equals(d.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** {@code app/rbac/allow}; empty for the root. */
  @Override
  public String toString() {
    return text;
  }
}
