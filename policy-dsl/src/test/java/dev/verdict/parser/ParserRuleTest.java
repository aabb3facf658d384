package dev.verdict.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.ast.Head;
import dev.verdict.ast.Import;
import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.ast.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Packages, imports and rules in v1 and v0, and how each version reads a head. */
class ParserRuleTest {

  static Module module(String text, RegoVersion version) {
    return Parser.parseModule("test.rego", "package test\n\n" + text, version);
  }

  static List<String> rules(String text, RegoVersion version) {
    return module(text, version).rules().stream().map(AstText::of).toList();
  }

  static String rule(String text, RegoVersion version) {
    List<String> rules = rules(text, version);
    assertEquals(1, rules.size(), rules.toString());
    return rules.getFirst();
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      p := 1                                       => p := 1 { true }
      p = 1                                        => p = 1 { true }
      p if { x }                                   => p = true { x }
      p if x                                       => p = true { x }
      p if x with input as 1                       => p = true { x with input as 1 }
      p := x if { x := 1; x > 0 }                  => p := x { assign(x, 1); gt(x, 0) }
      p contains x if { some x in [1] }            => p contains x { some x in [1] }
      p contains "a"                               => p contains "a" { true }
      p.q contains x if x := 1                     => p.q contains x { assign(x, 1) }
      p[x] := 1 if { x := "a" }                    => p[x] := 1 { assign(x, "a") }
      p[q][r] if q := ["a"][r]                     => p[q][r] = true { assign(q, ["a"][r]) }
      p[x] if x := 1                               => p[x] = true { assign(x, 1) }
      p.q.r := 1                                   => p.q.r := 1 { true }
      p.q := 1                                     => p.q := 1 { true }
      p.q if true                                  => p.q = true { true }
      p.q[r].s := v if { v := r; r := 1 }          => p.q[r].s := v { assign(v, r); assign(r, 1) }
      f(x) := y if { y := x }                      => f(x) := y { assign(y, x) }
      f(x) if x > 0                                => f(x) = true { gt(x, 0) }
      f(_, _) := 1                                 => f($_0, $_1) := 1 { true }
      a.b.f(x) := 1                                => a.b.f(x) := 1 { true }
      f(x) = y if y := x                           => f(x) = y { assign(y, x) }
      f(1)                                         => f(1) = true { true }
      default p := false                           => default p := false { true }
      default p = {"a": [1]}                       => default p = {"a": [1]} { true }
      default f(_) := 1                            => default f($_0) := 1 { true }
      default p := [x | x := 1]                    => default p := [x | assign(x, 1)] { true }
      p := 1 if { false } else := 2 if { true } else := 3 => p := 1 { false } else := 2 { true } else := 3 { true }
      p if { false } else := false                 => p = true { false } else := false { true }
      p if { false } else if { true }              => p = true { false } else = true { true }
      p := 1 if { false } else if { true }         => p := 1 { false } else := true { true }
      p := 1 if false else := 2 if true            => p := 1 { false } else := 2 { true }
      f(x) := 1 if x > 0 else := 2                 => f(x) := 1 { gt(x, 0) } else := 2 { true }
      p [x] := 1 if x := 2                         => p[x] := 1 { assign(x, 2) }
      if.foo := 1                                  => if.foo := 1 { true }
      foo.if := 2                                  => foo.if := 2 { true }
      default not.foo(_) := 42                     => default not.foo($_0) := 42 { true }
      else.x := 1                                  => else.x := 1 { true }
      true.foo contains "a"                        => true.foo contains "a" { true }
      """)
  void v1Rules(String text, String ast) {
    assertEquals(ast, rule(text, RegoVersion.V1));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      p { x }                                      => p = true { x }
      p = 1 { x }                                  => p = 1 { x }
      p := 1 { x }                                 => p := 1 { x }
      p = 1                                        => p = 1 { true }
      p[x] { x := 1 }                              => p contains x { assign(x, 1) }
      p[x] = y { y := x }                          => p[x] = y { assign(y, x) }
      p[x]                                         => p contains x { true }
      p.q { true }                                 => p contains "q" { true }
      p.q.r { true }                               => p.q.r = true { true }
      a.b.c                                        => a.b.c = true { true }
      f(x) = y { y := x }                          => f(x) = y { assign(y, x) }
      f(x) { x }                                   => f(x) = true { x }
      default p = 1                                => default p = 1 { true }
      p = 1 { false } else = 2 { true }            => p = 1 { false } else = 2 { true }
      p = 1 { false } else { true }                => p = 1 { false } else = true { true }
      p = 1 { false } else := 2                    => p = 1 { false } else := 2 { true }
      p { in = 1; if = 2; contains(x, "a") }       => p = true { eq(in, 1); eq(if, 2); contains(x, "a") }
      every[x] { x := 1 }                          => every contains x { assign(x, 1) }
      deny [msg] { msg := "no" }                   => deny contains msg { assign(msg, "no") }
      """)
  void v0Rules(String text, String ast) {
    assertEquals(ast, rule(text, RegoVersion.V0));
  }

  @Test
  void aV0PolicyAsFoundInTheWild() {
    Module m = Parser.parseModule("admission.rego", """
        package kubernetes.admission

        import data.kubernetes.namespaces

        deny[msg] {
            input.request.kind.kind == "Pod"
            image := input.request.object.spec.containers[_].image
            not startswith(image, "hooli.com/")
            msg := sprintf("image '%v' comes from untrusted registry", [image])
        }

        default allow = false

        allow {
            input.method == "GET"
            input.path = ["salary", user]
            input.user == user
        }

        allow { is_admin }

        is_admin {
            input.user == data.admins[_]
        }

        double(x) = y {
            y := x * 2
        } else = 0 {
            true
        }

        labels[k] = v { v := input.labels[k] }
        """, RegoVersion.V0);
    assertEquals(RegoVersion.V0, m.version());
    assertEquals("data.kubernetes.admission", AstText.of(m.pkg().path()));
    assertEquals(
        List.of(
            "deny contains msg { equal(input.request.kind.kind, \"Pod\"); assign(image, input.request.object.spec.containers[$_0].image); "
                + "not startswith(image, \"hooli.com/\"); assign(msg, sprintf(\"image '%v' comes from untrusted registry\", [image])) }",
            "default allow = false { true }",
            "allow = true { equal(input.method, \"GET\"); eq(input.path, [\"salary\", user]); equal(input.user, user) }",
            "allow = true { is_admin }",
            "is_admin = true { equal(input.user, data.admins[$_1]) }",
            "double(x) = y { assign(y, mul(x, 2)) } else = 0 { true }",
            "labels[k] = v { assign(v, input.labels[k]) }"),
        m.rules().stream().map(AstText::of).toList());
  }

  @Test
  void v0RuleWithSeveralBodiesIsSeveralRulesSharingTheHead() {
    Module m = module("p { a } { b }\n{ c }", RegoVersion.V0);
    assertEquals(List.of("p = true { a }", "p = true { b }", "p = true { c }"), m.rules().stream().map(AstText::of).toList());
    assertSame(m.rules().get(0).head(), m.rules().get(1).head());
    assertEquals(3, m.rules().get(1).location().row());
    assertEquals(9, m.rules().get(1).location().col());
    assertEquals(4, m.rules().get(2).location().row());
  }

  @Test
  void versions() {
    assertEquals(RegoVersion.V1, module("p := 1", RegoVersion.V1).version());
    assertEquals(RegoVersion.V0, module("p := 1", RegoVersion.V0).version());
    assertEquals(RegoVersion.V1, module("import rego.v1\np if { true }", RegoVersion.V0).version());
    assertEquals(RegoVersion.V0, module("import future.keywords\np if { true }", RegoVersion.V0).version());
    // In v1 the v0 compatibility imports are accepted and change nothing.
    assertEquals(RegoVersion.V1, module("import future.keywords.in\nimport rego.v1\np if { 1 in [1] }", RegoVersion.V1).version());
  }

  @Test
  void futureKeywordImportsEnableKeywordsInV0() {
    assertEquals("p = true { internal.member_2(1, [1]) }", rule("import future.keywords.in\np { 1 in [1] }", RegoVersion.V0));
    assertEquals("p = true { x }", rule("import future.keywords.if\np if { x }", RegoVersion.V0));
    assertEquals("p contains 1 { true }", rule("import future.keywords.contains\np contains 1", RegoVersion.V0));
    // every brings in along, as in OPA
    assertEquals("p = true { every x in [1] { x } }", rule("import future.keywords.every\np { every x in [1] { x } }", RegoVersion.V0));
    assertEquals(List.of("p contains 1 { true }", "q = true { some x in [1] }", "r = true { every x in [] { x } }"),
        rules("import future.keywords\np contains 1\nq if { some x in [1] }\nr if { every x in [] { x } }", RegoVersion.V0));
    // only the imported keyword: here `if` stays a name
    assertEquals("p = true { eq(if, 1) }", rule("import future.keywords.in\np { if = 1 }", RegoVersion.V0));
    assertEquals("p = true { eq(if.x, 1) }", rule("import rego.v1\np if { if.x = 1 }", RegoVersion.V0));
  }

  @Test
  void headShapes() {
    Head mv = module("p contains x if { x := 1 }", RegoVersion.V1).rules().getFirst().head();
    assertTrue(mv.isMultiValue());
    assertNull(mv.value());
    assertFalse(mv.isFunction());

    Head sv = module("p[x] := 1 if { x := 1 }", RegoVersion.V1).rules().getFirst().head();
    assertFalse(sv.isMultiValue());
    assertNull(sv.key());
    assertEquals("p[x]", AstText.of(sv.ref()));
    assertTrue(sv.assign());

    Head f = module("f(x, y) := x if true", RegoVersion.V1).rules().getFirst().head();
    assertTrue(f.isFunction());
    assertEquals(2, f.args().size());
    assertEquals("f", AstText.of(f.ref()));

    Head generated = module("p if true", RegoVersion.V1).rules().getFirst().head();
    assertEquals(generated.location(), generated.value().location());
  }

  @Test
  void elseChains() {
    Rule r = module("p := 1 if { false } else := 2 if { false } else = 3", RegoVersion.V1).rules().getFirst();
    Rule e1 = r.elseRule();
    Rule e2 = e1.elseRule();
    assertNull(e2.elseRule());
    assertSame(r.head().ref(), e1.head().ref());
    assertTrue(e1.head().assign());
    assertFalse(e2.head().assign());
    assertEquals(3, e1.location().row());
    assertEquals(21, e1.location().col());
    assertEquals(e2.location(), e2.body().location());
  }

  @Test
  void packageAndImports() {
    Module m = module("import data.foo.bar\nimport input.x as y\nimport data.a[\"b-c\"]\nimport future.keywords.in\nimport rego.v1\nimport data.foo.if as my_if", RegoVersion.V1);
    assertEquals("data.test", AstText.of(m.pkg().path()));
    assertEquals(List.of("data.foo.bar", "input.x", "data.a[\"b-c\"]", "future.keywords.in", "rego.v1", "data.foo.if"),
        m.imports().stream().map(i -> AstText.of(i.path())).toList());
    assertEquals(java.util.Arrays.asList(null, "y", null, null, null, "my_if"), m.imports().stream().map(Import::alias).toList());
    assertEquals("data.a.b.c", AstText.of(Parser.parseModule("t", "package a.b.c", RegoVersion.V1).pkg().path()));
    assertEquals("data.foo.if.bar", AstText.of(Parser.parseModule("t", "package foo.if.bar", RegoVersion.V1).pkg().path()));
    assertEquals("data.a[\"b-c\"]", AstText.of(Parser.parseModule("t", "package a[\"b-c\"]", RegoVersion.V1).pkg().path()));
    assertEquals("data.input", AstText.of(Parser.parseModule("t", "package input", RegoVersion.V1).pkg().path()));
  }

  @Test
  void importsMayComeBetweenRules() {
    Module m = module("p := 1\nimport data.x\nq := 2", RegoVersion.V1);
    assertEquals(2, m.rules().size());
    assertEquals(1, m.imports().size());
  }

  @Test
  void wildcardsAreUniqueAcrossTheModule() {
    List<String> rules = rules("p if { x[_] }\nq if { y[_]; z[_] }\nf(_) := 1", RegoVersion.V1);
    assertEquals(List.of("p = true { x[$_0] }", "q = true { y[$_1]; z[$_2] }", "f($_3) := 1 { true }"), rules);
  }

  @Test
  void commentsAreKept() {
    Module m = Parser.parseModule("t.rego", "# top\npackage p # trailing\n\np := 1 #last", RegoVersion.V1);
    assertEquals(List.of(" top", " trailing", "last"), m.comments().stream().map(c -> c.text()).toList());
    assertEquals(2, m.comments().get(1).location().row());
    assertEquals(11, m.comments().get(1).location().col());
  }
}
