package dev.verdict.ast;

import dev.verdict.value.ObjectValue;

/**
 * A {@code # METADATA} block: its YAML content as an object (title, description, scope,
 * custom, …), with the scope resolved ({@code rule}, {@code document}, {@code package},
 * {@code subpackages}).
 */
public record Annotation(Location location, String scope, ObjectValue content) implements Node {}
