package dev.verdict.format;

import dev.verdict.ast.Import;
import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.ast.Term;
import dev.verdict.parser.Parser;
import dev.verdict.value.StringValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Rego's canonical layout, as {@code opa fmt} writes it: v1 syntax, tabs, one blank line between
 * rules, comments where they were. Formatting is idempotent and parsing the result gives back the
 * same module (locations aside).
 */
public final class Formatter {

  private Formatter() {}

  /**
   * Formats {@code text}, read in {@code version}'s syntax. A v0 module comes out in v1 syntax with
   * {@code import rego.v1} (replacing {@code future.keywords} imports), so v0 readers take it too.
   *
   * @throws dev.verdict.error.RegoException when the text does not parse
   */
  public static String format(String file, String text, RegoVersion version) {
    Module module = Parser.parseModule(file, text, version);
    Layout out = new Layout(module.comments());
    new ModulePrinter(out, new Printer(out, new Source(text))).module(module, imports(module));
    return out.toString();
  }

  private static List<Import> imports(Module module) {
    if (module.version() == RegoVersion.V1) {
      return module.imports();
    }
    List<Import> out = new ArrayList<>();
    for (Import i : module.imports()) {
      if (!ModulePrinter.importKey(i).startsWith("future.keywords")) {
        out.add(i);
      }
    }
    // Placed on the package's row so that it joins the first group of imports.
    Location at = new Location(module.file(), out.isEmpty() ? 0 : out.getFirst().location().row(), 0);
    out.add(new Import(at, new Term.Ref(at, new Term.Var(at, "rego"), List.of(new Term.Scalar(at, StringValue.of("v1")))), null));
    return out;
  }
}
