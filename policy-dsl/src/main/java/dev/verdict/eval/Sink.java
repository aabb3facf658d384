package dev.verdict.eval;

import dev.verdict.value.Value;

/** Receives each solution of a body; returns true to stop looking for more. */
interface Sink {
  boolean accept(Ev ev, Value[] frame);
}
