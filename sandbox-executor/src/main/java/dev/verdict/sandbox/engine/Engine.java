package dev.verdict.sandbox.engine;

/** How guest code runs: compiled to JVM bytecode (the default) or interpreted. */
public enum Engine {
  COMPILED,
  INTERPRETER
}
