package dev.verdict.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.ast.Annotation;
import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.error.RegoException;
import dev.verdict.value.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code # METADATA} blocks: YAML in OPA's annotation shape, scoped and attached as OPA does. */
class ParserMetadataTest {

  static Module module(String text) {
    return Parser.parseModule("m.rego", text, RegoVersion.V1);
  }

  static String json(Annotation a) {
    return Json.toJson(a.content());
  }

  @Test
  void ruleAndPackageScopes() {
    Module m = module("""
        # METADATA
        # description: The Rego test suite
        package testing

        # METADATA
        # title: Testing annotations
        # authors:
        # - The OPA contributors
        p := x if {
        	x := 1
        }

        q := 2
        """);
    Annotation pkg = m.annotations().getFirst();
    assertEquals(1, m.annotations().size());
    assertEquals("package", pkg.scope());
    assertEquals(new Location("m.rego", 1, 1), pkg.location());
    assertEquals("{\"description\":\"The Rego test suite\",\"scope\":\"package\"}", json(pkg));

    Annotation rule = m.rules().get(0).annotations().getFirst();
    assertEquals("rule", rule.scope());
    assertEquals(5, rule.location().row());
    assertEquals("{\"authors\":[{\"name\":\"The OPA contributors\"}],\"scope\":\"rule\",\"title\":\"Testing annotations\"}", json(rule));
    assertTrue(m.rules().get(1).annotations().isEmpty());
  }

  @Test
  void documentAndSubpackagesScopesBelongToTheModule() {
    Module m = module("""
        # METADATA
        # scope: subpackages
        # organizations: [Acme]
        package a.b

        # METADATA
        # scope: document
        # title: All of p
        p := 1 if false

        # METADATA
        # entrypoint: true
        q := 1
        """);
    assertEquals(List.of("subpackages", "document", "document"), m.annotations().stream().map(Annotation::scope).toList());
    assertEquals("{\"organizations\":[\"Acme\"],\"scope\":\"subpackages\"}", json(m.annotations().get(0)));
    assertEquals("{\"entrypoint\":true,\"scope\":\"document\"}", json(m.annotations().get(2)));
    assertTrue(m.rules().stream().allMatch(r -> r.annotations().isEmpty()));
  }

  @Test
  void contentIsNormalizedAsRegoMetadataReturnsIt() {
    Module m = module("""
        package p

        # METADATA
        # title: t
        # description: |
        #   multi
        #   line
        # authors:
        # - Jane Doe <jane@example.com>
        # - name: John
        #   email: john@example.com
        # - <only@example.com>
        # related_resources:
        # - https://example.com
        # - ref: https://example.com/2
        #   description: two
        # schemas:
        # - input: schema.input
        # - input.x: {type: string}
        # custom:
        #   severity: 3
        #   tags: [a, b]
        #   big: 18446744073709551617
        # unknown_key: ignored
        p := 1
        """);
    Annotation a = m.rules().getFirst().annotations().getFirst();
    assertEquals(
        "{\"authors\":[{\"email\":\"jane@example.com\",\"name\":\"Jane Doe\"},{\"email\":\"john@example.com\",\"name\":\"John\"},"
            + "{\"email\":\"only@example.com\"}],"
            + "\"custom\":{\"big\":18446744073709551617,\"severity\":3,\"tags\":[\"a\",\"b\"]},"
            + "\"description\":\"multi\\nline\\n\","
            + "\"related_resources\":[{\"ref\":\"https://example.com\"},{\"description\":\"two\",\"ref\":\"https://example.com/2\"}],"
            + "\"schemas\":[{\"path\":[\"input\"],\"schema\":[\"schema\",\"input\"]},{\"definition\":{\"type\":\"string\"},\"path\":[\"input\",\"x\"]}],"
            + "\"scope\":\"rule\",\"title\":\"t\"}",
        json(a));
  }

  @Test
  void aBlockEndsAtTheFirstLineThatIsNotAColumnOneComment() {
    Module m = module("""
        package p

        # METADATA
        # title: t
          # description: indented, so not part of the block

        # METADATA
        # title: u

        p := 1
        """);
    List<Annotation> annotations = m.rules().getFirst().annotations();
    assertEquals(List.of("{\"scope\":\"rule\",\"title\":\"t\"}", "{\"scope\":\"rule\",\"title\":\"u\"}"),
        annotations.stream().map(ParserMetadataTest::json).toList());
  }

  @Test
  void metadataErrors() {
    assertEquals("m.rego:1:1: rego_parse_error: annotation scope 'rule' must be applied to rule (have package)",
        error("# METADATA\n# scope: rule\npackage p\n"));
    assertEquals("m.rego:3:1: rego_parse_error: annotation scope 'package' must be applied to package (have rule)",
        error("package p\n\n# METADATA\n# scope: package\np := 1\n"));
    assertEquals("m.rego:3:1: rego_parse_error: invalid annotation scope 'nonsense'. Use one of 'rule', 'document', 'package', or 'subpackages'",
        error("package p\n\n# METADATA\n# scope: nonsense\np := 1\n"));
    assertEquals("m.rego:2:1: rego_parse_error: invalid annotation scope 'import'. Use one of 'rule', 'document', 'package', or 'subpackages'",
        error("package p\n# METADATA\n# title: x\nimport data.x\n"));
    assertEquals("m.rego:3:1: rego_parse_error: expected METADATA block, found whitespace",
        error("package p\n\n# METADATA\n\np := 1\n"));
    assertEquals("m.rego:3:1: rego_parse_error: annotation entrypoint applied to non-document or package scope 'rule'",
        error("package p\n\n# METADATA\n# entrypoint: true\n# scope: rule\np := 1\n"));
    assertEquals("m.rego:3:1: rego_parse_error: invalid author definition 5: invalid value type, must be string or map",
        error("package p\n\n# METADATA\n# authors: [5]\np := 1\n"));
    assertTrue(error("package p\n\n# METADATA\n# title: [unclosed\np := 1\n").startsWith("m.rego:3:1: rego_parse_error: yaml: "));
  }

  private static String error(String text) {
    return assertThrows(RegoException.class, () -> module(text)).getMessage();
  }
}
