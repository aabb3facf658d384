package dev.verdict.lint;

import dev.verdict.SourceFile;
import dev.verdict.ast.Module;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.compiler.CompileState;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * What the rules look at: every module as parsed (source spelling, for style rules) and as
 * compiled (refs resolved to {@code data.…}, for rules that follow names across files), the base
 * data, and each file's lines.
 */
public final class Policy {

  private final List<Module> modules;
  private final CompileState compiled;
  private final Value data;
  private final Map<String, String> texts = new HashMap<>();
  private final Map<String, List<String>> lines = new HashMap<>();
  private final Map<String, Set<String>> globals = new HashMap<>();
  private final Map<String, List<Module>> packages = new HashMap<>();

  Policy(List<SourceFile> files, List<Module> modules, CompileState compiled, Value data) {
    this.modules = List.copyOf(modules);
    this.compiled = compiled;
    this.data = data;
    for (SourceFile f : files) {
      texts.put(f.name(), f.text());
      lines.put(f.name(), f.text().lines().toList());
    }
    for (Module m : modules) {
      String pkg = Shape.of(m.pkg().path());
      packages.computeIfAbsent(pkg, k -> new ArrayList<>()).add(m);
      Set<String> names = globals.computeIfAbsent(pkg, k -> new HashSet<>(List.of("input", "data")));
      m.rules().forEach(r -> names.add(Ast.name(r)));
    }
  }

  /** The modules as parsed, in load order. */
  List<Module> modules() {
    return modules;
  }

  /** The same modules after the compiler's stages, in the same order. */
  List<Module> resolved() {
    return compiled.modules();
  }

  CompileState compiled() {
    return compiled;
  }

  BuiltinRegistry builtins() {
    return compiled.builtins();
  }

  Value data() {
    return data;
  }

  String text(String file) {
    return texts.get(file);
  }

  /**
   * The names a var of the module can mean without being a local: {@code input}, {@code data},
   * the rules of its package (in any file) and its imports.
   */
  Set<String> globals(Module m) {
    Set<String> out = new HashSet<>(globals.get(Shape.of(m.pkg().path())));
    m.imports().forEach(i -> out.add(Ast.importName(i)));
    return out;
  }

  /** The modules of the same package as {@code m}, {@code m} included. */
  List<Module> samePackage(Module m) {
    return packages.get(Shape.of(m.pkg().path()));
  }

  List<String> lines(String file) {
    return lines.getOrDefault(file, List.of());
  }
}
