package dev.verdict.ast;

/** The syntax a module is written in. */
public enum RegoVersion {
  V0,
  V1
}
