package dev.verdict.ast;

/** {@code import data.x.y as z}; alias is null when absent. Path heads are data, input, future or rego. */
public record Import(Location location, Term.Ref path, String alias) implements Node {}
