package dev.verdict.lint;

/** The groups lint rules come in, as Regal names them. */
public enum Category {
  bugs,
  style,
  idiomatic,
  imports,
  testing,
  performance
}
