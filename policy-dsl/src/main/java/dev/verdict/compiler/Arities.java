package dev.verdict.compiler;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.builtins.Builtin;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Operand counts of every callable name: builtins and the modules' functions (by full name). */
public final class Arities implements ToIntFunction<String> {

  private final BuiltinRegistry builtins;
  private final Map<String, Integer> functions = new HashMap<>();

  public Arities(BuiltinRegistry builtins, List<Module> modules) {
    this.builtins = builtins;
    for (Module m : modules) {
      List<Value> pkg = ResolveRefs.packagePath(m);
      for (Rule r : m.rules()) {
        if (r.head().isFunction()) {
          functions.put(Names.ofPath("data", Names.rulePath(pkg, r.head())), r.head().args().size());
        }
      }
    }
  }

  @Override
  public int applyAsInt(String name) {
    Integer n = functions.get(name);
    if (n != null) {
      return n;
    }
    Builtin b = builtins.get(name);
    return b == null || b.signature().variadic() ? -1 : b.signature().arity();
  }

  public boolean isFunction(String name) {
    return functions.containsKey(name);
  }
}
