package dev.verdict.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.SourceFile;
import dev.verdict.ast.RegoVersion;
import dev.verdict.value.ObjectValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule fires on a policy with its problem and stays quiet on the corrected policy. */
class LintRulesTest {

  /**
   * A rule and two policies: one it must report, one it must not. Files are separated by
   * {@code \n---\n}; a first line {@code # file: NAME} names a file (default {@code fN.rego}).
   */
  record Case(String id, String fires, String quiet) {
    @Override
    public String toString() {
      return id;
    }
  }

  static final String LONG = "x := \"" + "a".repeat(130) + "\"\n";

  static Stream<Case> cases() {
    return Stream.of(
        new Case("conflicting-rule-values",
            "package p\n\nallow := true if input.a == 1\n\nallow := false if input.b == 2\n",
            "package p\n\nallow := true if input.role == \"admin\"\n\nallow := false if input.role == \"guest\"\n\n"
                + "deny := true if input.x\n\ndeny := false if not input.x\n"),
        new Case("unused-rule",
            "package p\n\n_helper if input.x\n\nallow if input.y\n",
            "package p\n\n_helper if input.x\n\nallow if _helper\n"),
        new Case("unused-function",
            "package p\n\nf(x) := x + 1\n\nallow if input.x\n",
            "package p\n\nf(x) := x + 1\n\nallow if f(input.x) > 2\n"),
        new Case("unused-variable",
            "package p\n\nallow if {\n\tx := input.a\n\tinput.b\n}\n",
            "package p\n\nallow if {\n\tx := input.a\n\tx > 1\n}\n"),
        new Case("unknown-data-ref",
            "package p\n\nallow if data.nowhere.x\n",
            "package p\n\nlimits := {\"a\": 1}\n\nallow if data.p.limits.a\n"),
        new Case("rule-shadows-builtin",
            "package p\n\ncount := 1\n",
            "package p\n\ntotal := 1\n"),
        new Case("var-shadows-builtin",
            "package p\n\nallow if {\n\tsome upper in input.xs\n\tupper > 1\n}\n",
            "package p\n\nallow if {\n\tsome n in input.xs\n\tn > 1\n}\n"),
        new Case("deny-without-reason",
            "package p\n\ndeny if input.bad\n",
            "package p\n\ndeny contains \"bad input\" if input.bad\n"),
        new Case("decision-without-default",
            "package p\n\nallow if input.ok\n",
            "package p\n\ndefault allow := false\n\nallow if input.ok\n"),
        new Case("constant-condition",
            "package p\n\nallow if {\n\tinput.x\n\t1 == 1\n}\n",
            "package p\n\nallow if input.x == 1\n\nok := true\n"),
        new Case("top-level-iteration",
            "package p\n\nx := input.items[_]\n",
            "package p\n\nx := input.items[0]\n\nys := {y | some y in input.items}\n\nzs := [z | z := input.items[_]]\n"),
        new Case("duplicate-rule",
            "package p\n\nallow if input.x\n\nallow if input.x\n",
            "package p\n\nallow if input.x\n\nallow if input.y\n"),
        new Case("leaked-internal-reference",
            "package lib\n\n_secret := 1\n---\npackage p\n\nx := data.lib._secret\n",
            "package lib\n\nshared := 1\n---\npackage p\n\nx := data.lib.shared\n"),
        new Case("line-length", "package p\n\n" + LONG, "package p\n\nx := \"short\"\n"),
        new Case("prefer-snake-case",
            "package p\n\nisAdmin if input.admin\n",
            "package p\n\nis_admin if input.admin\n"),
        new Case("todo-comment",
            "package p\n\n# TODO: tighten\nx := 1\n",
            "package p\n\n# tightened in review\nx := 1\n"),
        new Case("use-assignment-operator",
            "package p\n\nallow if {\n\tx = input.a\n\tx > 1\n}\n",
            "package p\n\nallow if {\n\tx := input.a\n\tx > 1\n\tx = 2\n}\n"),
        new Case("yoda-condition",
            "package p\n\nallow if \"admin\" == input.role\n",
            "package p\n\nallow if input.role == \"admin\"\n"),
        new Case("messy-rule",
            "package p\n\nallow if input.a\n\nx := 1\n\nallow if input.b\n",
            "package p\n\nallow if input.a\n\nallow if input.b\n\nx := 1\n"),
        new Case("opa-fmt", "package p\nx:=1\n", "package p\n\nx := 1\n"),
        new Case("prefer-in",
            "package p\n\nallow if input.roles[_] == \"admin\"\n",
            "package p\n\nallow if \"admin\" in input.roles\n"),
        new Case("compare-to-boolean",
            "package p\n\nallow if startswith(input.x, \"a\") == true\n",
            "package p\n\nallow if input.approved == true\n"),
        new Case("not-of-comparison",
            "package p\n\nallow if not input.x == 1\n",
            "package p\n\nallow if input.x != 1\n"),
        new Case("input-in-function",
            "package p\n\nf(x) := x + input.y\n",
            "package p\n\nf(x, y) := x + y\n\ng(x) := d if d := data.p.h with input as x\n"),
        new Case("unused-import",
            "package p\n\nimport data.lib.users\n\nx := 1\n",
            "package p\n\nimport data.lib.users\n\nx := users\n"),
        new Case("redundant-future-import",
            "package p\n\nimport future.keywords.in\n\nx := 1 in [1]\n",
            "package p\n\nimport rego.v1\n\nx := 1 in [1]\n"),
        new Case("deprecated-builtin",
            "package p\n\nallow if re_match(\"a\", input.x)\n",
            "package p\n\nallow if regex.match(\"a\", input.x)\n"),
        new Case("avoid-importing-input",
            "package p\n\nimport input.user\n\nallow if user.admin\n",
            "package p\n\nallow if input.user.admin\n"),
        new Case("redundant-alias",
            "package p\n\nimport data.lib.users as users\n\nx := users\n",
            "package p\n\nimport data.lib.users as people\n\nx := people\n"),
        new Case("print-call",
            "package p\n\nallow if {\n\tprint(input.x)\n\tinput.x\n}\n",
            "# file: p_test.rego\npackage p\n\ntest_x if {\n\tprint(input.x)\n\tinput.x\n}\n"),
        new Case("test-outside-test-file",
            "package p\n\ntest_x if input.x\n",
            "# file: p_test.rego\npackage p\n\ntest_x if input.x\n"),
        new Case("todo-test",
            "package p\n\ntodo_test_x if input.x\n",
            "package p\n\ntest_x if input.x\n"),
        new Case("identically-named-tests",
            "# file: a_test.rego\npackage p\n\ntest_x if input.a\n---\n# file: b_test.rego\npackage p\n\ntest_x if input.b\n",
            "# file: a_test.rego\npackage p\n\ntest_x if input.a\n---\n# file: b_test.rego\npackage p\n\ntest_y if input.b\n"),
        new Case("unindexable-rule",
            "package p\n\nallow if startswith(input.path, \"/a\")\n\nallow if input.user == \"x\"\n",
            "package p\n\nallow if input.path == \"/a\"\n\nallow if input.user == \"x\"\n"),
        new Case("non-loop-expression",
            "package p\n\nallow if {\n\tsome x in input.xs\n\tinput.enabled\n\tx > 1\n}\n",
            "package p\n\nallow if {\n\tinput.enabled\n\tsome x in input.xs\n\tx > 1\n}\n"));
  }

  static List<Finding> lint(String policy) {
    List<SourceFile> files = new ArrayList<>();
    String[] parts = policy.split("\n---\n");
    for (int i = 0; i < parts.length; i++) {
      String name = parts[i].startsWith("# file: ") ? parts[i].substring(8, parts[i].indexOf('\n')) : "f" + i + ".rego";
      files.add(new SourceFile(name, parts[i]));
    }
    return Linter.lint(files, ObjectValue.EMPTY, RegoVersion.V1, LintConfig.DEFAULT);
  }

  static List<Finding> of(String id, List<Finding> findings) {
    return findings.stream().filter(f -> f.rule().id().equals(id)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fires(Case c) {
    assertFalse(of(c.id(), lint(c.fires())).isEmpty(), () -> c.id() + " did not fire; all findings: " + lint(c.fires()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void staysQuiet(Case c) {
    assertEquals(List.of(), of(c.id(), lint(c.quiet())));
  }

  @Test
  void everyRuleHasACaseAPageAndAUniqueId() throws Exception {
    assertTrue(Linter.RULES.size() >= 30, "at least 30 rules");
    var ids = new HashSet<String>();
    var tested = cases().map(Case::id).toList();
    for (LintRule r : Linter.RULES) {
      assertTrue(ids.add(r.id()), "duplicate id " + r.id());
      assertTrue(tested.contains(r.id()), "no test case for " + r.id());
      Path page = Path.of("..", "docs", "lint", r.id() + ".md");
      assertTrue(Files.isRegularFile(page), "no page " + page);
      assertTrue(Files.readString(page).contains(r.category().name()), page + " names the category");
    }
  }
}
