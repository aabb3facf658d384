package dev.verdict.sandbox.modules;

/** What an uploaded module may declare. */
public record ModuleLimits(long maxBytes, int maxMemoryPages, int maxLocals, long maxTableElements) {}
