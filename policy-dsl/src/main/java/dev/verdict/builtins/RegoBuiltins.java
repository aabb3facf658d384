package dev.verdict.builtins;

import dev.verdict.ast.RegoVersion;
import dev.verdict.error.RegoException;
import dev.verdict.parser.Parser;
import dev.verdict.types.Type;

/** {@code rego.parse_module}: Rego source as OPA's AST JSON, for policies that inspect policies. */
public final class RegoBuiltins {

  private RegoBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.function("rego.parse_module", Signature.of(Type.objectOf(Type.STRING, Type.ANY), Type.STRING, Type.STRING),
        (ctx, a) -> {
          String file = Operands.string(a, 0);
          String text = Operands.string(a, 1);
          try {
            return AstJson.module(Parser.parseModule(file, text, RegoVersion.V1));
          } catch (RegoException e) {
            throw BuiltinException.error(e.getMessage());
          }
        });
  }
}
