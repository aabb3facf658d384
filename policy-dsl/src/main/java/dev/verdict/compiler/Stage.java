package dev.verdict.compiler;

/** One named step of the compiler. Stages report errors into the state and do not throw. */
public interface Stage {

  /** A short name, shown by {@code verdict check --stages} and in internal errors. */
  String name();

  void run(CompileState state);
}
