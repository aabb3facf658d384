package dev.verdict;

import dev.verdict.ast.Module;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.compiler.CompileState;
import dev.verdict.compiler.Compiler;
import dev.verdict.error.RegoError;
import dev.verdict.error.RegoException;
import dev.verdict.eval.Program;
import dev.verdict.parser.Parser;
import dev.verdict.value.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Entry point: compiles sources into a {@link PolicySet}. */
public final class Verdict {

  private Verdict() {}

  /**
   * Parses every file, compiles them together and plans them for evaluation.
   *
   * @throws RegoException listing every parse and compile error, each with file:row:col
   */
  public static PolicySet compile(Sources sources) {
    List<Module> modules = new ArrayList<>();
    List<RegoError> errors = new ArrayList<>();
    for (SourceFile f : sources.files()) {
      try {
        modules.add(Parser.parseModule(f.name(), f.text(), sources.defaultVersion()));
      } catch (RegoException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new RegoException(errors);
    }
    CompileState compiled = Compiler.compile(modules, BuiltinRegistry.standard());
    Program program = Program.build(compiled);
    return new PolicySet(sources, compiled, program, sources.data(), revision(sources));
  }

  private static String revision(Sources sources) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (SourceFile f : sources.files()) {
        md.update(f.name().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(f.text().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      md.update(Json.toJson(sources.data()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
