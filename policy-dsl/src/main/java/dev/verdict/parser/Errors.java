package dev.verdict.parser;

import dev.verdict.ast.Location;
import dev.verdict.error.RegoError;
import dev.verdict.error.RegoException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** The parse errors of one source, collected rather than thrown at the first. */
final class Errors {

  private final String file;
  private final List<RegoError> found = new ArrayList<>();

  Errors(String file) {
    this.file = file;
  }

  Location at(Token token) {
    return new Location(file, token.getLine(), token.getCharPositionInLine() + 1);
  }

  void add(Location location, String message) {
    found.add(new RegoError(RegoError.PARSE, message, location));
  }

  void add(Token token, String message) {
    add(at(token), message);
  }

  /** All errors so far, in source order and without repeats (error recovery may report one twice). */
  RegoException exception() {
    List<RegoError> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingInt((RegoError e) -> e.location().row()).thenComparingInt(e -> e.location().col()));
    return new RegoException(List.copyOf(new LinkedHashSet<>(sorted)));
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw exception();
    }
  }
}
