package dev.verdict;

/** One policy file: its name (used in error locations) and its text. */
public record SourceFile(String name, String text) {}
