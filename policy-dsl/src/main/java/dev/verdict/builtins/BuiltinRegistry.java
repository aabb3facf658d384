package dev.verdict.builtins;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every builtin, declared once. Families register their builtins through {@link #function};
 * the evaluator and the type checker look them up by name.
 */
public final class BuiltinRegistry {

  private final Map<String, Builtin> byName = new TreeMap<>();

  /** Declares a deterministic builtin. */
  public void function(String name, Signature sig, BuiltinFunction fn) {
    add(new Builtin(name, sig, true, false, false, fn));
  }

  /** Declares a builtin whose results vary between calls with equal operands. */
  public void nondeterministic(String name, Signature sig, BuiltinFunction fn) {
    add(new Builtin(name, sig, false, false, false, fn));
  }

  public void deprecated(String name, Signature sig, BuiltinFunction fn) {
    add(new Builtin(name, sig, true, true, false, fn));
  }

  /** Declares a relation: {@code fn} returns an array holding every result. */
  public void relation(String name, Signature sig, BuiltinFunction fn) {
    add(new Builtin(name, sig, true, false, true, fn));
  }

  public void add(Builtin b) {
    if (byName.putIfAbsent(b.name(), b) != null) {
      throw new IllegalStateException("builtin declared twice: " + b.name());
    }
  }

  public Builtin get(String name) {
    return byName.get(name);
  }

  public Collection<Builtin> all() {
    return Collections.unmodifiableCollection(byName.values());
  }

  /** The registry of every standard builtin, shared: it is immutable once built. */
  public static BuiltinRegistry standard() {
    return StandardBuiltins.REGISTRY;
  }
}
