package dev.verdict.ast;

/** A {@code #} comment, text without the leading {@code #}, kept for the formatter and metadata. */
public record Comment(Location location, String text) implements Node {}
