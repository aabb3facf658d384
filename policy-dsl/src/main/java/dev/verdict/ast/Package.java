package dev.verdict.ast;

/** {@code package a.b}: path is the full ref {@code data.a.b}. */
public record Package(Location location, Term.Ref path) implements Node {}
