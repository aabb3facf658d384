package dev.verdict.ast;

/** Every AST node knows where it starts. */
public interface Node {
  Location location();
}
