package dev.verdict.parser;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.verdict.ast.RegoVersion;
import dev.verdict.error.RegoException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, the parser ends with a module or with parse errors: no other exception, no internal error. */
class ParserRobustnessTest {

  private static final List<String> PIECES =
      List.of(
          "package", "import", "as", "default", "else", "not", "some", "with", "true", "false", "null", "every", "in",
          "contains", "if", "p", "x", "_", "input", "data", "f", "rego", "v1", "future", "keywords", "1", "-1", "0.5",
          "007", "1e5", "\"s\"", "\"\\u00e9\"", "`raw`", "$\"", "$`", "\"", "`", ":=", "=", "==", "!=", "<", ">", "+",
          "-", "*", "/", "%", "&", "|", ":", ";", ",", ".", "(", ")", "[", "]", "{", "}", "#", "# METADATA\n# title: t\n",
          "\\{", " ", " ", " ", "\n", "\n", "\t", "!", "$", "@", "\u00e9");

  @Provide
  Arbitrary<String> regoish() {
    return Arbitraries.of(PIECES).list().ofMaxSize(60).map(pieces -> String.join("", pieces));
  }

  @Provide
  Arbitrary<String> moduleish() {
    return regoish().map(body -> "package p\n\np if {\n" + body + "\n}\n");
  }

  @Property(tries = 400)
  void tokenSoup(@ForAll("regoish") String text) {
    check(text);
  }

  @Property(tries = 400)
  void soupInARuleBody(@ForAll("moduleish") String text) {
    check(text);
  }

  @Property(tries = 200)
  void anyCharacters(@ForAll String text) {
    check(text);
  }

  private static void check(String text) {
    for (RegoVersion version : RegoVersion.values()) {
      expectOnlyParseErrors(() -> Parser.parseModule("f.rego", text, version));
      expectOnlyParseErrors(() -> Parser.parseQuery("q", text, version));
    }
    expectOnlyParseErrors(() -> Parser.parseTerm("t", text));
  }

  private static void expectOnlyParseErrors(Runnable parse) {
    try {
      parse.run();
    } catch (RegoException e) {
      assertFalse(e.getMessage().contains("internal parser error"), e.getMessage());
    }
  }
}
