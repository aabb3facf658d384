package dev.verdict.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verdict.ast.RegoVersion;
import dev.verdict.error.RegoException;
import org.junit.jupiter.api.Test;

/** Golden layouts: what each kind of source formats to, and that the result formats to itself. */
class FormatterTest {

  private static void formats(String source, String expected) {
    formats(source, expected, RegoVersion.V1);
  }

  private static void formats(String source, String expected, RegoVersion version) {
    String once = Formatter.format("t.rego", source, version);
    assertEquals(expected, once);
    assertEquals(once, Formatter.format("t.rego", once, RegoVersion.V1), "idempotent");
  }

  @Test
  void rulesAreTabIndentedOneBlankLineApart() {
    formats(
        "package  a.b\nimport data.z\nimport data.a as b\np:=1\nq if { input.x==1; input.y }\nr contains x if {x:=input.xs[_]}\n",
        """
        package a.b

        import data.a as b
        import data.z

        p := 1

        q if {
        	input.x == 1
        	input.y
        }

        r contains x if x := input.xs[_]
        """);
  }

  @Test
  void importGroupsStayApartAndAreSorted() {
    formats(
        "package a\nimport data.y\nimport data.x\n\nimport input.b\nimport input.a\n",
        "package a\n\nimport data.x\nimport data.y\n\nimport input.a\nimport input.b\n");
  }

  @Test
  void operatorsGetBracketsOnlyWhereNeeded() {
    formats(
        "package a\np := x if { x := ((1 + 2) * 3) - (4 - 5); y := (1 + (2 * 3)); z := 1 in {1} in {true} }\n",
        """
        package a

        p := x if {
        	x := (1 + 2) * 3 - (4 - 5)
        	y := 1 + 2 * 3
        	z := 1 in {1} in {true}
        }
        """);
  }

  @Test
  void someEveryElseDefaultAndFunctions() {
    formats(
        """
        package a
        default allow := false
        allow if { some x in input.xs; every k, v in x { k != v } }
        f(x) := y if { y := x } else := 0
        g(_) := 1
        o.p[k] := v if { some k, v in input }
        """,
        """
        package a

        default allow := false

        allow if {
        	some x in input.xs
        	every k, v in x {
        		k != v
        	}
        }

        f(x) := y if {
        	y := x
        } else := 0

        g(_) := 1

        o.p[k] := v if some k, v in input
        """);
  }

  @Test
  void spellingsOfScalarsAndStringsAreKept() {
    formats(
        "package a\np := [1.50, 1e3, `raw\\s`, \"tab\\t\", $\"hi {input.name} \\{x}\", ._5]\n".replace("._5", "0.5"),
        "package a\n\np := [1.50, 1e3, `raw\\s`, \"tab\\t\", $\"hi {input.name} \\{x}\", 0.5]\n");
  }

  @Test
  void collectionsWrittenOverSeveralLinesStaySo() {
    formats(
        "package a\np := {\"a\": [1,\n2], \"b\": {x | x := 1}}\nq := [x |\n x := 1\n x > 0]\n",
        """
        package a

        p := {
        	"a": [
        		1,
        		2,
        	],
        	"b": {x | x := 1},
        }

        q := [x |
        	x := 1
        	x > 0
        ]
        """);
  }

  @Test
  void commentsStayWhereTheyWere() {
    String tidy =
        """
        # header

        package a # package

        # METADATA
        # title: allow
        allow if {
        	# first
        	input.x # trailing
        	input.y
        	# last
        }

        # between
        deny := true

        # end
        """;
    formats(tidy.replace("\t", "    ").replace("}\n\n# between", "}\n# between"), tidy);
  }

  @Test
  void v0ComesOutInV1SyntaxWithRegoV1Import() {
    formats(
        "package a\nimport future.keywords.in\np[x] { x := 1 }\nq { 1 in [1] }\nr = 2 { false } else = 3\n",
        """
        package a

        import rego.v1

        p contains x if x := 1

        q if 1 in [1]

        r = 2 if {
        	false
        } else = 3
        """,
        RegoVersion.V0);
  }

  @Test
  void parseErrorsAreReported() {
    RegoException e = assertThrows(RegoException.class, () -> Formatter.format("t.rego", "package a\np if {\n", RegoVersion.V1));
    assertEquals("t.rego:3:1", e.errors().getFirst().location().toString());
  }
}
