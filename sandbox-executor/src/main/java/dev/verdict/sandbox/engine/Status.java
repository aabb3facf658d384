package dev.verdict.sandbox.engine;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an execution ended. */
public enum Status {
  OK,
  EXIT,
  DENIED,
  FUEL_EXHAUSTED,
  DEADLINE_EXCEEDED,
  MEMORY_EXCEEDED,
  STACK_EXHAUSTED,
  TRAP;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
