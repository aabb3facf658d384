package dev.verdict.builtins;

/** Assembles the standard library from its families. */
final class StandardBuiltins {

  static final BuiltinRegistry REGISTRY = build();

  private StandardBuiltins() {}

  private static BuiltinRegistry build() {
    BuiltinRegistry r = new BuiltinRegistry();
    TimeBuiltins.register(r);
    CryptoBuiltins.register(r);
    NetBuiltins.register(r);
    JwtBuiltins.register(r);
    AwsBuiltins.register(r);
    JsonSchemaBuiltins.register(r);
    HttpBuiltins.register(r);
    RuntimeBuiltins.register(r);
    GraphQLBuiltins.register(r);
    return r;
  }
}
