package dev.verdict.parser;

import dev.verdict.ast.Body;
import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.ast.Term;

/** Placeholder so the rest compiles until the parser lands; replaced by the real one. */
public final class Parser {
  private Parser() {}

  public static Module parseModule(String file, String text, RegoVersion defaultVersion) {
    throw new UnsupportedOperationException();
  }

  public static Body parseQuery(String file, String text, RegoVersion version) {
    throw new UnsupportedOperationException();
  }

  public static Term parseTerm(String file, String text) {
    throw new UnsupportedOperationException();
  }
}
