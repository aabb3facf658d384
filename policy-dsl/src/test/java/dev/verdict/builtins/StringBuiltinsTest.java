package dev.verdict.builtins;

import org.junit.jupiter.api.Test;

class StringBuiltinsTest extends BuiltinTestSupport {

  @Test
  void basics() {
    check("\"/foo/bar/0/baz\"", "concat", "\"/\"", "[\"\", \"foo\", \"bar\", \"0\", \"baz\"]");
    check("\"1,2,3\"", "concat", "\",\"", "{\"3\", \"1\", \"2\"}");
    check("\"\"", "concat", "\",\"", "[]");
    typeError("operand 2 must be array of strings but got array containing number", "concat", "\",\"", "[1]");
    typeError("operand 2 must be one of {set, array} but got string", "concat", "\",\"", "\"x\"");
    check("true", "contains", "\"abcdefgh\"", "\"defg\"");
    check("false", "startswith", "\"abcdefgh\"", "\"bcd\"");
    check("true", "endswith", "\"abcdefgh\"", "\"fgh\"");
    check("\"abcdef\"", "lower", "\"AbCdEf\"");
    check("\"ABCDEF\"", "upper", "\"AbCdEf\"");
    check("\"i\"", "lower", "\"\u0130\"");
  }

  @Test
  void positionsCountRunes() {
    check("2", "indexof", "\"abcdefgh\"", "\"cde\"");
    check("8", "indexof", "\"abcabcabcdefgh\"", "\"cde\"");
    check("-1", "indexof", "\"abcdefgh\"", "\"xyz\"");
    check("1", "indexof", "\"μx\"", "\"x\"");
    check("-1", "indexof", "\"μ\"", "\"μμ\"");
    check("9", "indexof", "\"skön var våren\"", "\"vår\"");
    check("4", "indexof", "\"🍧🍨🧁🍰🍮\"", "\"🍮\"");
    builtinError("empty search character", "indexof", "\"abc\"", "\"\"");
    check("[3, 9]", "indexof_n", "\"dogcatdogcat\"", "\"cat\"");
    check("[1, 3, 5]", "indexof_n", "\"😇😀😇😀😇😀\"", "\"😀\"");
    check("[0, 1]", "indexof_n", "\"aaa\"", "\"aa\"");
    check("[]", "indexof_n", "\"dogcat\"", "\"rabbit\"");
    check("\"cde\"", "substring", "\"abcdefgh\"", "2", "3");
    check("\"åä\"", "substring", "\"åäö\"", "0", "2");
    check("\"cdefgh\"", "substring", "\"abcdefgh\"", "2", "-1");
    check("\"äö\"", "substring", "\"aåäö\"", "2", "-1");
    check("\"cdefghåäö\"", "substring", "\"abcdefghåäö\"", "2", "10000");
    check("\"\"", "substring", "\"åäö\"", "3", "-1");
    check("\"\"", "substring", "\"aaa\"", "4", "-1");
    builtinError("negative offset", "substring", "\"aaa\"", "-1", "-1");
    typeError("operand 2 must be integer number but got floating-point number", "substring", "\"aaa\"", "1.5", "1");
    check("\"rab\"", "strings.reverse", "\"bar\"");
    check("\"𝛾😀1\"", "strings.reverse", "\"1😀𝛾\"");
    check("\"\u20e3\ufe0f2\"", "strings.reverse", "\"2\ufe0f\u20e3\"");
    typeError("operand 1 must be string but got number", "strings.reverse", "123");
  }

  @Test
  void counting() {
    check("3", "strings.count", "\"cheese\"", "\"e\"");
    check("3", "strings.count", "\"hello hello hello world\"", "\"hello\"");
    check("6", "strings.count", "\"dummy\"", "\"\"");
    check("1", "strings.count", "\"\"", "\"\"");
    check("2", "strings.count", "\"11111\"", "\"11\"");
  }

  @Test
  void formatInt() {
    check("\"f\"", "format_int", "15.5", "16");
    check("\"3\"", "format_int", "3.1", "10");
    check("\"-1010\"", "format_int", "-10", "2");
    check("\"777\"", "format_int", "511", "8");
    check("\"18446744073709551617\"", "format_int", "18446744073709551617", "10");
    typeError("operand 2 must be one of {2, 8, 10, 16}", "format_int", "4.1", "199");
  }

  @Test
  void splitting() {
    check("[\"\"]", "split", "\"\"", "\".\"");
    check("[\"t\", \"e\", \"s\", \"t\"]", "split", "\"test\"", "\"\"");
    check("[]", "split", "\"\"", "\"\"");
    check("[\"foo\", \"bar\", \"baz\"]", "split", "\"foo.bar.baz\"", "\".\"");
    check("[\"a\", \"b\"]", "strings.split_n", "\"a.b.c.d\"", "\".\"", "2");
    check("[\"a\", \"b\", \"c\", \"d\"]", "strings.split_n", "\"a.b.c.d\"", "\".\"", "10");
    check("[]", "strings.split_n", "\"a.b.c.d\"", "\".\"", "0");
    check("[\"c\", \"d\"]", "strings.split_n", "\"a.b.c.d\"", "\".\"", "-2");
    check("[\"a\", \"b\", \"c\", \"d\"]", "strings.split_n", "\"a.b.c.d\"", "\".\"", "-10");
    check("[\"abc\"]", "strings.split_n", "\"abc\"", "\".\"", "-2");
    check("[\"\"]", "strings.split_n", "\"\"", "\".\"", "2");
    check("[\"a\", \"b\"]", "strings.split_n", "\"abc\"", "\"\"", "2");
    check("[\"b\", \"c\"]", "strings.split_n", "\"abc\"", "\"\"", "-2");
    typeError("operand 3 must be integer number but got floating-point number", "strings.split_n", "\"a.b.c\"", "\".\"", "1.5");
  }

  @Test
  void replacing() {
    check("\"\"", "replace", "\"\"", "\"hi\"", "\"bye\"");
    check("\"foo,bar,baz\"", "replace", "\"foo.bar.baz\"", "\".\"", "\",\"");
    check("\"foo,,.bar\"", "replace", "\"foo...bar\"", "\"..\"", "\",,\"");
    check("\"XaXbX\"", "replace", "\"ab\"", "\"\"", "\"X\"");
    check("\"Y\"", "strings.replace_n", "{\"info\": \"X\", \"anotherinfo\": \"Y\"}", "\"anotherinfo\"");
    check("\"bXb\"", "strings.replace_n", "{\"a\": \"YY\", \"bba\": \"bX\"}", "\"bbab\"");
    check("\"YaabYYYa\"", "strings.replace_n", "{\"ab\": \"b\", \"b\": \"Y\"}", "\"baaabbbba\"");
    check("\"baab\"", "strings.replace_n", "{\"a\": \"b\", \"b\": \"a\"}", "\"abba\"");
    check("\"XaXaXaXaXab\"", "strings.replace_n", "{\"a\": \"Xa\", \"ab\": \"X\", \"ba\": \"bYa\", \"aaa\": \"X\"}", "\"aaaaab\"");
    check("\"\"", "strings.replace_n", "{\"aab\": \"Y\", \"a\": \"\", \"b\": \"\"}", "\"bbaab\"");
    typeError("operand 2 must be string but got number", "strings.replace_n", "{\"a\": \"b\"}", "1");
    typeError("operand 1 non-string key found in pattern object", "strings.replace_n", "{1: \"b\"}", "\"x\"");
    typeError("operand 1 non-string value found in pattern object", "strings.replace_n", "{\"a\": 1}", "\"x\"");
  }

  @Test
  void trimming() {
    check("\"foo.bar\"", "trim", "\"...foo.bar...\"", "\".\"");
    check("\"oo.ba\"", "trim", "\"...foo.bar...\"", "\".fr\"");
    check("\"foo.bar\"", "trim", "\"...foo.bar...\"", "\".o\"");
    check("\"foo.bar...\"", "trim_left", "\"...foo.bar...\"", "\".\"");
    check("\"...foo.bar\"", "trim_right", "\"...foo.bar...\"", "\".\"");
    check("\"bar\"", "trim_prefix", "\"foobar\"", "\"foo\"");
    check("\"foobar\"", "trim_prefix", "\"foobar\"", "\"bar\"");
    check("\"foo\"", "trim_suffix", "\"foobar\"", "\"bar\"");
    check("\"a b\"", "trim_space", "\"\\t a b \\n\u00a0\"");
  }

  @Test
  void affixMatching() {
    check("true", "strings.any_prefix_match", "[\"a/b/c\", \"e/f/g\"]", "[\"d/\", \"e/f/g\"]");
    check("false", "strings.any_prefix_match", "[\"aa/bb/cc\"]", "[\"b/cc\"]");
    check("false", "strings.any_prefix_match", "[]", "[]");
    check("true", "strings.any_prefix_match", "\"a/b/c\"", "{\"a/\", \"d/\"}");
    check("true", "strings.any_suffix_match", "{\"a/b/c\"}", "\"/c\"");
    check("false", "strings.any_suffix_match", "[\"aa/bb/cc\"]", "[\"aa/b\"]");
    typeError("operand 1 must be array of strings but got array containing number", "strings.any_prefix_match", "[1, 2]", "[\"f/\"]");
    typeError("operand 2 must be one of {string, set, array} but got number", "strings.any_suffix_match", "[\"a\"]", "1");
    typeError("operand 2 must be set of strings but got set containing number", "strings.any_suffix_match", "[\"a\"]", "{1}");
  }

  @Test
  void renderTemplate() {
    check("\"hello world\"", "strings.render_template", "`{{.test}}`", "{\"test\": \"hello world\"}");
    check("\"2023\"", "strings.render_template", "`{{.test}}`", "{\"test\": 2023}");
    check("\"hello rohan,hello john doe\"", "strings.render_template",
        "`{{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}}`",
        "{\"hellonames\": [\"rohan\", \"john doe\"]}");
    check("\"<undefined>\"", "strings.render_template", "`{{.testvarnotprovided}}`", "{\"test\": \"hello world\"}");
    check("\"test <undefined> <undefined> 1\"", "strings.render_template", "`test {{.foo}} {{.bar}} {{.baz}}`", "{\"baz\": 1}");
    check("\"x=[1 2] m=map[a:b] n=<nil> t=true\"", "strings.render_template",
        "`x={{.x}} m={{.m}} n={{.n}} t={{.t}}`", "{\"x\": [1, 2], \"m\": {\"a\": \"b\"}, \"n\": null, \"t\": true}");
    check("\"yes\"", "strings.render_template", "`{{if eq .a \"b\"}}yes{{else}}no{{end}}`", "{\"a\": \"b\"}");
    check("\"no\"", "strings.render_template", "`{{if not .a}}yes{{else if .b}}no{{end}}`", "{\"a\": true, \"b\": 1}");
    check("\"a-b\"", "strings.render_template", "`{{- .x -}} - {{- .y }}`", "{\"x\": \"a\", \"y\": \"b\"}");
    check("\"3 c\"", "strings.render_template", "`{{len .l}} {{index .l 2}}`", "{\"l\": [\"a\", \"b\", \"c\"]}");
    check("\"none\"", "strings.render_template", "`{{range .l}}{{.}}{{else}}none{{end}}`", "{\"l\": []}");
    check("\"inner\"", "strings.render_template", "`{{with .o}}{{.k}}{{end}}`", "{\"o\": {\"k\": \"inner\"}}");
    check("\"005\"", "strings.render_template", "`{{printf \"%03d\" .n}}`", "{\"n\": 5}");
  }
}
