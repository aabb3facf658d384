package dev.verdict.sandbox.modules;

/** One imported function. */
public record ImportRef(String module, String name) {}
