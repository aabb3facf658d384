package dev.verdict.builtins;

/** Assembles the standard library from its families. */
final class StandardBuiltins {

  static final BuiltinRegistry REGISTRY = build();

  private StandardBuiltins() {}

  private static BuiltinRegistry build() {
    BuiltinRegistry r = new BuiltinRegistry();
    ArithmeticBuiltins.register(r);
    ComparisonBuiltins.register(r);
    BitsBuiltins.register(r);
    AggregateBuiltins.register(r);
    SetBuiltins.register(r);
    ArrayBuiltins.register(r);
    TypeBuiltins.register(r);
    StringBuiltins.register(r);
    ObjectBuiltins.register(r);
    JsonPathBuiltins.register(r);
    GraphBuiltins.register(r);
    RegexBuiltins.register(r);
    GlobBuiltins.register(r);
    EncodingBuiltins.register(r);
    UnitsBuiltins.register(r);
    SemverBuiltins.register(r);
    UuidBuiltins.register(r);
    TimeBuiltins.register(r);
    CryptoBuiltins.register(r);
    NetBuiltins.register(r);
    JwtBuiltins.register(r);
    AwsBuiltins.register(r);
    JsonSchemaBuiltins.register(r);
    HttpBuiltins.register(r);
    RuntimeBuiltins.register(r);
    RegoBuiltins.register(r);
    GraphQLBuiltins.register(r);
    return r;
  }
}
