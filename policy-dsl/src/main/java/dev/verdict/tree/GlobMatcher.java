package dev.verdict.tree;

import dev.verdict.value.Value;

/** Matches a string against a glob pattern with OPA's {@code glob.match} semantics. */
@FunctionalInterface
public interface GlobMatcher {
  boolean matches(String pattern, Value delimiters, String subject);
}
