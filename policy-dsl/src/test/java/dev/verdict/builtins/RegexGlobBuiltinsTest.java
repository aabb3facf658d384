package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RegexGlobBuiltinsTest extends BuiltinTestSupport {

  @Test
  void match() {
    check("true", "regex.match", "\"^[a-z]+\\\\[[0-9]+\\\\]$\"", "\"foo[1]\"");
    check("true", "regex.match", "\"^$\"", "\"\"");
    check("true", "regex.match", "\"\"", "\"x\"");
    check("false", "regex.match", "\"^$\"", "\"something\"");
    check("true", "re_match", "\"b+\"", "\"abbc\"");
    builtinError("error parsing regexp: missing closing ]: `[[[`", "regex.match", "\"$^[[[\"", "\"something\"");
    check("false", "regex.is_valid", "10");
    check("false", "regex.is_valid", "`++`");
    check("true", "regex.is_valid", "`.+`");
    assertSame(GoRegex.compile("a+b"), GoRegex.compile("a+b"));
  }

  @Test
  void find() {
    check("[\"ar\", \"an\", \"al\"]", "regex.find_n", "\"a.\"", "\"paranormal\"", "-1");
    check("[\"ar\", \"an\"]", "regex.find_n", "\"a.\"", "\"paranormal\"", "2");
    check("[]", "regex.find_n", "\"a.\"", "\"paranormal\"", "0");
    check("[\"ab\"]", "regex.find_n", "\"^a.\"", "\"abacadaeaf\"", "-1");
    check("[\"f\"]", "regex.find_n", "\".$\"", "\"abacadaeaf\"", "-1");
    check("[\"ab\", \"ac\", \"ad\", \"ae\", \"af\"]", "regex.find_n", "\"[abcdef]{2}\"", "\"abacadaeaf\"", "-1");
    // Go skips an empty match right after a match.
    check("[\"\", \"aaa\"]", "regex.find_n", "\"a*\"", "\"baaa\"", "-1");
    check("[\"\", \"\", \"\"]", "regex.find_n", "\"x*\"", "\"éa\"", "-1");
    check("[]", "regex.find_all_string_submatch_n", "\"a(x*)b\"", "\"-\"", "-1");
    check("[[\"ab\", \"\"], [\"axb\", \"x\"]]", "regex.find_all_string_submatch_n", "\"a(x*)b\"", "\"-ab-axb-\"", "-1");
    check("[[\"som\", \"o\", \"m\"], [\"ri\", \"i\", \"\"]]", "regex.find_all_string_submatch_n",
        "\"[^aouiye]([aouiye])([^aouiye])?\"", "\"somestri\"", "-1");
    check("[[\"som\", \"o\", \"m\"]]", "regex.find_all_string_submatch_n",
        "\"[^aouiye]([aouiye])([^aouiye])?\"", "\"somestri\"", "1");
  }

  @Test
  void split() {
    check("[\"\"]", "regex.split", "\"^[a-z]+\\\\[[0-9]+\\\\]$\"", "\"\"");
    check("[\"\", \" baz\"]", "regex.split", "\"^[a-z]+\"", "\"foobar baz\"");
    check("[\"foobar \", \"\"]", "regex.split", "\"[a-z]+$\"", "\"foobar baz\"");
    check("[\"foobar baz\"]", "regex.split", "\"^[a-z]+$\"", "\"foobar baz\"");
    check("[\"\", \"\"]", "regex.split", "\"^[a-z ]+$\"", "\"foobar baz\"");
    check("[\"b\", \"n\", \"n\", \"\"]", "regex.split", "\"a\"", "\"banana\"");
    check("[\"pi\", \"a\"]", "regex.split", "\"z+\"", "\"pizza\"");
    check("[\"a\", \"b\", \"c\"]", "regex.split", "\"\"", "\"abc\"");
  }

  @Test
  void replace() {
    check("\"-0-0-\"", "regex.replace", "\"-wy-wxxy-\"", "\"w(x*)y\"", "\"0\"");
    check("\"foofoo\"", "regex.replace", "\"foo\"", "\"(foo)\"", "\"$1$1\"");
    check("\"Foo\"", "regex.replace", "\"foo\"", "\"^[a-z]\"", "\"F\"");
    check("\"foo\"", "regex.replace", "\"foo\"", "\"^[a-z]$\"", "\"F\"");
    check("\"M\"", "regex.replace", "\"foo\"", "\"^[a-z]+$\"", "\"M\"");
    check("\"foF\"", "regex.replace", "\"foo\"", "\"[a-z]$\"", "\"F\"");
    check("\"___ ___\"", "regex.replace", "\"foo bar\"", "\"[a-z]\"", "\"_\"");
    check("\"_ _x\"", "regex.replace", "\"foo barx\"", "\"[a-z]{3}\"", "\"_\"");
    check("\"_o __\"", "regex.replace", "\"foo barx\"", "\"[a-z]{2}\"", "\"_\"");
    check("\"-a-b-c-\"", "regex.replace", "\"abc\"", "\"x*\"", "\"-\"");
    check("\"X\"", "regex.replace", "\"ab\"", "\"a*b*\"", "\"X\"");
    // $1x names group "1x", which does not exist; ${1}x is group 1 then x; $$ is a dollar.
    check("\"\"", "regex.replace", "\"ab\"", "\"(a)(b)\"", "\"$1x\"");
    check("\"ax$\"", "regex.replace", "\"ab\"", "\"(a)(b)\"", "\"${1}x$$\"");
    check("\"b-a\"", "regex.replace", "\"ab\"", "\"(?P<first>a)(?P<second>b)\"", "\"$second-$first\"");
    builtinError("error parsing regexp", "regex.replace", "\"foo\"", "\"[\"", "\"$1\"");
  }

  @Test
  void templates() {
    check("true", "regex.template_match", "\"urn:foo:{.*}\"", "\"urn:foo:bar:baz\"", "\"{\"", "\"}\"");
    check("true", "regex.template_match", "\"urn:foo:<.*>\"", "\"urn:foo:bar:baz\"", "\"<\"", "\">\"");
    check("false", "regex.template_match", "\"urn:foo.{[0-9]+}\"", "\"urn:fooX1\"", "\"{\"", "\"}\"");
    check("true", "regex.template_match", "\"urn:foo.{[0-9]+}\"", "\"urn:foo.12\"", "\"{\"", "\"}\"");
    builtinError("start delimiter has to be exactly one character long but is 2 long", "regex.template_match",
        "\"x\"", "\"x\"", "\"{{\"", "\"}\"");
    builtinError("unbalanced braces in \"urn:{\"", "regex.template_match", "\"urn:{\"", "\"x\"", "\"{\"", "\"}\"");
  }

  @Test
  void globsMatch() {
    check("true", "regex.globs_match", "\"a.a.[0-9]+z\"", "\".b.b2359825792*594823z\"");
    check("false", "regex.globs_match", "\"[a-z]+\"", "\"[0-9]*\"");
    check("true", "regex.globs_match", "\"b.*\"", "\"bar\"");
    check("true", "regex.globs_match", "`[a-z]+\\[[0-9]+\\]`", "\"foo\\\\[1\\\\]\"");
    check("false", "regex.globs_match", "`[a-z]+\\[[0-9]+\\]`", "\"foo[\\\"bar\\\"]\"");
    check("true", "regex.globs_match", "\"a*b*\"", "\"b+\"");
    check("false", "regex.globs_match", "\"ab\"", "\"a\"");
    builtinError("input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid",
        "regex.globs_match", "\"pqrs]\"", "\"[a-b]+\"");
    builtinError("flag '*' must be preceded by a non-flag", "regex.globs_match", "\"*a\"", "\"a\"");
    builtinError("found [ without matching ]", "regex.globs_match", "\"[ab\"", "\"a\"");
  }

  @Test
  void globMatch() {
    check("false", "glob.match", "\"?\"", "null", "\"\"");
    check("false", "glob.match", "\"[!0-9]\"", "null", "\"\"");
    check("false", "glob.match", "\"a/*/b\"", "null", "\"a/b\"");
    check("true", "glob.match", "\"a/*/b\"", "null", "\"a/x/b\"");
    check("false", "glob.match", "\"a/**/b\"", "null", "\"a/b\"");
    check("true", "glob.match", "\"a/**/b\"", "null", "\"a//b\"");
    check("false", "glob.match", "\"**/x\"", "null", "\"x\"");
    check("true", "glob.match", "\"{**/,}x\"", "null", "\"x\"");
    check("true", "glob.match", "\"***\"", "[\".\"]", "\"\"");
    check("false", "glob.match", "\"*?*\"", "[\".\", \"/\"]", "\"api.github.com\"");
    check("true", "glob.match", "\"*?*\"", "[\".\", \"/\"]", "\"abc\"");
    check("false", "glob.match", "\"*\"", "[\".\", \"/\"]", "\"a/b\"");
    check("true", "glob.match", "\"\\\\*\"", "null", "\"*\"");
    check("false", "glob.match", "\"\\\\*\"", "null", "\"a\"");
    check("true", "glob.match", "\"*.github.com\"", "[\".\"]", "\"api.github.com\"");
    check("true", "glob.match", "\"api.**.com\"", "[\".\"]", "\"api.cdn.github.com\"");
    check("false", "glob.match", "\"*.github.com\"", "[\".\"]", "\"api.not-github.com\"");
    check("true", "glob.match", "\"[!abc]at\"", "[]", "\"fat\"");
    check("false", "glob.match", "\"[!a-c]at\"", "[]", "\"bat\"");
    check("true", "glob.match", "\"?at\"", "[\"f\"]", "\"bat\"");
    check("false", "glob.match", "\"?at\"", "[\"f\"]", "\"fat\"");
    check("true", "glob.match", "\"{cat,bat,[fr]at}\"", "[]", "\"rat\"");
    check("false", "glob.match", "\"{cat,bat,[fr]at}\"", "[]", "\"at\"");
    check("false", "glob.match", "\"*\"", "[]", "\"foo.bar\"");
    check("true", "glob.match", "\"*\"", "null", "\"foo.bar\"");
    check("true", "glob.match", "\"a{b,c{d,e}}\"", "null", "\"ace\"");
    check("true", "glob.match", "\"a.b\"", "null", "\"a.b\"");
    check("false", "glob.match", "\"a.b\"", "null", "\"axb\"");
    check("true", "glob.match", "\"a}b,\"", "null", "\"a}b,\"");
    builtinError("unexpected end of input", "glob.match", "\"[ab\"", "null", "\"a\"");
    builtinError("could not parse range", "glob.match", "\"[]\"", "null", "\"a\"");
    typeError("operand 2 must be one of {array, null} but got string", "glob.match", "\"*\"", "\".\"", "\"a\"");
    typeError("operand 2 must be array of runes but got array containing string", "glob.match", "\"*\"", "[\"ab\"]", "\"a\"");
    check("\"\\\\*.github.com\"", "glob.quote_meta", "\"*.github.com\"");
    check("\"\\\\[a\\\\]\\\\{b\\\\}\\\\?\\\\\\\\\"", "glob.quote_meta", "\"[a]{b}?\\\\\"");
  }
}
