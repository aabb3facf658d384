package dev.verdict.ast;

/** {@code with target as value}: target is a ref to input, data or a function/builtin name. */
public record With(Location location, Term target, Term value) implements Node {}
