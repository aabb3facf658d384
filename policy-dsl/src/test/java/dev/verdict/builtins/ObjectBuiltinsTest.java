package dev.verdict.builtins;

import org.junit.jupiter.api.Test;

/** Objects, JSON paths and patches, walk and graphs. */
class ObjectBuiltinsTest extends BuiltinTestSupport {

  @Test
  void get() {
    check("\"b\"", "object.get", "{\"a\": \"b\"}", "\"a\"", "\"c\"");
    check("\"c\"", "object.get", "{\"a\": \"b\"}", "\"c\"", "\"c\"");
    check("2", "object.get", "{1: 2}", "1", "3");
    check("{\"a\": 1}", "object.get", "{\"a\": 1}", "[]", "2");
    check("1", "object.get", "{\"a\": {\"b\": {\"c\": 1}}}", "[\"a\", \"b\", \"c\"]", "2");
    check("2", "object.get", "{\"a\": {\"b\": {\"c\": 1}}}", "[\"a\", \"b\", \"a\"]", "2");
    check("1", "object.get", "{1: {\"b\": {[1, 2, 3]: 1}}}", "[1, \"b\", [1, 2, 3]]", "2");
    check("2", "object.get", "{\"a\": {\"b\": [1, 2, 3]}}", "[\"a\", \"b\", \"a\"]", "2");
    check("1", "object.get", "{\"a\": {\"b\": [{\"c\": 1}]}}", "[\"a\", \"b\", 0, \"c\"]", "2");
    typeError("operand 1 must be object but got string", "object.get", "\"x\"", "[\"a\"]", "2");
  }

  @Test
  void keysRemoveFilter() {
    check("{\"a\", \"b\"}", "object.keys", "{\"a\": 1, \"b\": 2}");
    check("{[\"a\"], [\"b\"]}", "object.keys", "{[\"a\"]: 1, [\"b\"]: 2}");
    check("set()", "object.keys", "{}");
    typeError("operand 1 must be object but got string", "object.keys", "\"x\"");
    check("{\"b\": 2}", "object.remove", "{\"a\": 1, \"b\": 2}", "[\"a\"]");
    check("{\"b\": 2}", "object.remove", "{\"a\": 1, \"b\": 2}", "{\"a\": 9}");
    check("{\"b\": 2}", "object.remove", "{\"a\": 1, \"b\": 2}", "{\"a\", \"c\"}");
    check("{2: 3}", "object.remove", "{1: 2, 2: 3}", "{1}");
    typeError("operand 1 must be object but got null", "object.remove", "null", "{\"a\"}");
    typeError("operand 2 must be one of {object, set, array} but got string", "object.remove", "{\"a\": 1}", "\"a\"");
    check("{\"a\": 1}", "object.filter", "{\"a\": 1, \"b\": 2}", "[\"a\", \"c\"]");
    check("{}", "object.filter", "{\"a\": 1}", "set()");
    typeError("operand 2 must be one of {object, set, array} but got boolean", "object.filter", "{\"a\": 1}", "true");
  }

  @Test
  void unions() {
    check("{\"a\": 1, \"b\": 2}", "object.union", "{\"a\": 1}", "{\"b\": 2}");
    check("{\"a\": 2}", "object.union", "{\"a\": 1}", "{\"a\": 2}");
    check("{\"a\": {\"b\": {\"c\": 1}}, \"d\": 7}", "object.union", "{\"a\": 1}", "{\"a\": {\"b\": {\"c\": 1}}, \"d\": 7}");
    check("{\"a\": {\"b\": \"foo\", \"b1\": \"bar\"}, \"d\": 7, \"e\": 17}", "object.union",
        "{\"a\": {\"b\": {\"c\": 1}}, \"e\": 1}", "{\"a\": {\"b\": \"foo\", \"b1\": \"bar\"}, \"d\": 7, \"e\": 17}");
    check("{\"a\": {\"x\": 1, \"y\": 2}}", "object.union", "{\"a\": {\"x\": 1}}", "{\"a\": {\"y\": 2}}");
    typeError("operand 2 must be object but got array", "object.union", "{}", "[]");
    check("{}", "object.union_n", "[{}]");
    check("{\"foo\": \"baz\"}", "object.union_n", "[{\"foo\": \"bar\"}, {\"foo\": \"baz\"}]");
    check("{\"a\": \"final A!\", \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"foo\": \"baz\"}", "object.union_n",
        "[{\"a\": 1, \"b\": 2, \"c\": 3}, {\"foo\": \"baz\", \"a\": \"a\", \"b\": 2, \"d\": 4}, {\"a\": \"final A!\", \"e\": 5.0}]");
    check("{\"a\": {\"c\": 3}}", "object.union_n", "[{\"a\": {\"b\": 2}}, {\"a\": 4}, {\"a\": {\"c\": 3}}]");
    check("{\"a\": {\"b\": 1, \"c\": 3, \"d\": 4}}", "object.union_n", "[{\"a\": {\"b\": 1}}, {\"a\": {\"c\": 3}}, {\"a\": {\"d\": 4}}]");
    typeError("operand 1 must be array of objects but got array containing number", "object.union_n", "[{}, 1]");
    typeError("operand 1 must be array but got object", "object.union_n", "{}");
  }

  @Test
  void subset() {
    check("true", "object.subset", "{\"a\": 5, \"b\": 7, \"c\": 15}", "{\"a\": 5}");
    check("false", "object.subset", "{\"a\": 5}", "{\"a\": 5, \"b\": 7}");
    check("true", "object.subset", "{\"a\": 5, \"n\": {\"x\": 10, \"y\": 15, \"s\": {1, 2, 3}, \"r\": [6, 7, 8]}}",
        "{\"n\": {\"x\": 10, \"s\": {1}, \"r\": [7, 8]}}");
    check("true", "object.subset", "{1, 2, 3}", "{3, 2}");
    check("false", "object.subset", "{1, 2, 3, {\"a\", \"b\", \"c\"}}", "{3, {\"a\", \"b\"}}");
    check("true", "object.subset", "[1, 2, 3, 4, 5, 6]", "[3, 4, 5]");
    check("false", "object.subset", "[1, 2, 3, 4, 5, 6]", "[4, 5, 6, 8]");
    check("false", "object.subset", "[1, 2, 1, 2, 3]", "[2, 1, 3]");
    check("true", "object.subset", "[1, 2, 1, 2, 3]", "[1, 2, 3]");
    check("true", "object.subset", "[1, 2, 3, 4, 5, 6]", "{4, 3, 2}");
    check("false", "object.subset", "[1, 2, 3, 4, 5, 6]", "{9, 8, 7}");
    typeError("both arguments object.subset must be of the same type or array and set", "object.subset", "{1}", "[1]");
  }

  @Test
  void walk() {
    check("[[[], 1]]", "walk", "1");
    check("[[[], [1, 2]], [[0], 1], [[1], 2]]", "walk", "[1, 2]");
    check("[[[], {\"v1\": \"hello\", \"v2\": \"goodbye\"}], [[\"v1\"], \"hello\"], [[\"v2\"], \"goodbye\"]]", "walk",
        "{\"v1\": \"hello\", \"v2\": \"goodbye\"}");
    check("[[[], {{1, 2}}], [[{1, 2}], {1, 2}], [[{1, 2}, 1], 1], [[{1, 2}, 2], 2]]", "walk", "{{1, 2}}");
  }

  @Test
  void jsonFilterAndRemove() {
    check("{\"a\": {\"b\": {\"c\": 7}}}", "json.filter", "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "{\"a/b/c\"}");
    check("{\"a\": {\"b\": {\"c\": 7}}, \"e\": 9}", "json.filter", "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "[\"a/b/c\", \"e\"]");
    check("{\"a\": {\"b\": 7}}", "json.filter", "{\"a\": {\"b\": 7}}", "{\"a\", \"a/b\"}");
    check("{}", "json.filter", "{\"a\": 7}", "set()");
    check("{\"a\": [{\"b\": 7}, {\"d\": 9}]}", "json.filter", "{\"a\": [{\"b\": 7, \"c\": 8}, {\"d\": 9}]}", "{\"a/0/b\", \"a/1\"}");
    check("{\"a\": [{\"1\": [\"d\"]}]}", "json.filter", "{\"a\": [{\"1\": [\"b\", \"c\", \"d\"]}, {\"x\": \"y\"}]}", "{\"a/0/1/2\"}");
    check("{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}}", "json.filter", "{\"a\": {\"b\": {\"c\": 7, \"d\": 8, \"x\": 0}}, \"e\": 9}",
        "{\"a/b/d\", [\"a\", \"b\", \"c\"]}");
    check("{\"a\": {\"b\": {\"d\": 8}}, \"e\": 9}", "json.remove", "{\"a\": {\"b\": {\"c\": 7, \"d\": 8}}, \"e\": 9}", "{\"a/b/c\"}");
    check("{\"a\": [{\"c\": 8}]}", "json.remove", "{\"a\": [{\"b\": 7, \"c\": 8}, {\"d\": 9}]}", "[\"/a/0/b\", \"a/1\"]");
    check("{\"a\": {\"x\"}}", "json.remove", "{\"a\": {\"x\", \"y\"}}", "[[\"a\", \"y\"]]");
    check("{\"a~b\": 1}", "json.remove", "{\"a~b\": 1, \"c/d\": 2}", "[\"c~1d\"]");
    typeError("operand 1 must be object but got array", "json.remove", "[]", "{\"a\"}");
    typeError("operand 2 must be one of {set, array} but got string", "json.remove", "{}", "\"a\"");
    typeError("operand 2 must be one of {set, array} containing string paths or array of path segments but got number",
        "json.remove", "{}", "{1}");
    typeError("operand 2 must be one of {set, array} containing string paths or array of path segments but got object",
        "json.filter", "{}", "[{}]");
  }

  @Test
  void jsonPatch() {
    check("{\"baz\": \"qux\", \"foo\": \"bar\"}", "json.patch", "{\"foo\": \"bar\"}", "[{\"op\": \"add\", \"path\": \"/baz\", \"value\": \"qux\"}]");
    check("{\"foo\": [\"bar\", \"qux\", \"baz\"]}", "json.patch", "{\"foo\": [\"bar\", \"baz\"]}", "[{\"op\": \"add\", \"path\": \"/foo/1\", \"value\": \"qux\"}]");
    check("{\"foo\": [\"bar\", \"baz\"]}", "json.patch", "{\"foo\": [\"bar\", \"qux\", \"baz\"]}", "[{\"op\": \"remove\", \"path\": \"/foo/1\"}]");
    check("{\"baz\": \"boo\"}", "json.patch", "{\"baz\": \"qux\"}", "[{\"op\": \"replace\", \"path\": \"/baz\", \"value\": \"boo\"}]");
    check("{\"a\": {\"c\": 1}}", "json.patch", "{\"a\": {\"b\": 1}}", "[{\"op\": \"move\", \"from\": \"/a/b\", \"path\": \"/a/c\"}]");
    check("{\"a\": 1, \"b\": 1}", "json.patch", "{\"a\": 1}", "[{\"op\": \"copy\", \"from\": \"/a\", \"path\": \"/b\"}]");
    check("[1, 2, [3, [4, 5, {\"foo\": 1}]]]", "json.patch", "[1, 2, [3, [4, 5]]]", "[{\"op\": \"add\", \"path\": \"/2/1/-\", \"value\": {\"foo\": 1}}]");
    check("[1, 3]", "json.patch", "[1, 2, 3, 4]", "[{\"op\": \"remove\", \"path\": \"/1\"}, {\"op\": \"remove\", \"path\": \"/2\"}]");
    check("{\"x\": 1}", "json.patch", "[1]", "[{\"op\": \"replace\", \"path\": \"\", \"value\": {\"x\": 1}}]");
    check("{\"1e0\": \"foo\"}", "json.patch", "{\"1e0\": \"foo\"}", "[{\"op\": \"test\", \"path\": \"/1e0\", \"value\": \"foo\"}]");
    check("{\"foo\": {\"a\", \"c\"}}", "json.patch", "{\"foo\": {\"a\", \"b\", \"c\"}}", "[{\"op\": \"remove\", \"path\": \"foo/b\"}]");
    check("{\"foo\": {\"a\", \"b\", \"d\"}}", "json.patch", "{\"foo\": {\"a\", \"b\"}}", "[{\"op\": \"add\", \"path\": \"foo/d\", \"value\": \"d\"}]");
    check("{\"bar\": {\"a\", \"c\"}, \"foo\": {\"b\"}}", "json.patch", "{\"foo\": {\"a\", \"b\"}, \"bar\": {\"c\"}}",
        "[{\"op\": \"move\", \"from\": \"foo/a\", \"path\": \"bar/a\"}]");
    check("{[1, 2]}", "json.patch", "{[1]}", "[{\"op\": \"add\", \"path\": [[1], 1], \"value\": 2}]");
    undefined("json.patch", "{\"foo\": {\"a\"}}", "[{\"op\": \"add\", \"path\": \"foo/d\", \"value\": \"e\"}]");
    undefined("json.patch", "[1, 2, 3]", "[{\"op\": \"add\", \"path\": \"1.2\", \"value\": \"foo\"}]");
    undefined("json.patch", "{\"q\": {\"bar\": 2}}", "[{\"op\": \"add\", \"path\": \"/a/b\", \"value\": 1}]");
    undefined("json.patch", "[\"foo\", \"sil\"]", "[{\"op\": \"add\", \"path\": \"/3\", \"value\": \"bar\"}]");
    undefined("json.patch", "[\"foo\", \"bar\"]", "[{\"op\": \"test\", \"path\": \"/01\", \"value\": \"bar\"}]");
    undefined("json.patch", "[\"foo\", \"bar\"]", "[{\"op\": \"test\", \"path\": \"/1e0\", \"value\": \"bar\"}]");
    undefined("json.patch", "{\"foo\": 1}", "[{\"op\": \"spam\", \"path\": \"/foo\", \"value\": 1}]");
    undefined("json.patch", "{}", "[{\"op\": \"add\", \"value\": 1}]");
    undefined("json.patch", "{\"foo\": \"bar\"}", "[{\"op\": \"remove\", \"path\": \"/baz\"}]");
    undefined("json.patch", "{\"baz\": \"qux\"}", "[{\"op\": \"test\", \"path\": \"/baz\", \"value\": \"bar\"}]");
    typeError("operand 2 must be array but got object", "json.patch", "{}", "{}");
  }

  @Test
  void graphs() {
    check("set()", "graph.reachable", "{}", "{\"a\"}");
    check("{\"a\", \"b\", \"c\"}", "graph.reachable", "{\"a\": {\"b\"}, \"b\": {\"c\"}, \"c\": {\"a\"}}", "{\"a\"}");
    check("{\"b\", \"d\", \"e\", \"f\"}", "graph.reachable",
        "{\"a\": {\"b\", \"c\"}, \"b\": {\"d\"}, \"c\": {\"d\"}, \"d\": set(), \"e\": {\"f\"}, \"f\": {\"e\"}, \"x\": {\"x\"}}", "{\"b\", \"e\"}");
    check("{\"a\"}", "graph.reachable", "{\"a\": null}", "[\"a\"]");
    typeError("operand 1 must be object but got number", "graph.reachable", "1", "[1]");
    typeError("operand 2 must be {array, set} but got string", "graph.reachable_paths", "{\"a\": []}", "\"a\"");
    check("{[\"a\", \"b\", \"c\"]}", "graph.reachable_paths", "{\"a\": [\"b\"], \"b\": [\"c\"], \"c\": [\"a\"]}", "[\"a\"]");
    check("{[\"a\", \"b\", \"c\"], [\"a\", \"c\"]}", "graph.reachable_paths", "{\"a\": [\"b\", \"c\"], \"b\": [\"c\"], \"c\": []}", "{\"a\"}");
    check("{[\"a\", \"b\"], [\"b\"]}", "graph.reachable_paths", "{\"a\": [\"b\"], \"b\": [\"nonexistent\"]}", "{\"a\", \"b\"}");
    check("{[\"a\"]}", "graph.reachable_paths", "{\"a\": null}", "[\"a\"]");
    String g1 = "{\"one\": [\"two\",\"five\"], \"two\": [\"four\"], \"three\": [\"\"], \"four\": [\"three\"], \"five\": [\"seven\",\"six\"],"
        + " \"six\": [\"nine\"], \"seven\": [\"eight\"], \"eight\": [\"\"], \"nine\": [\"\"]}";
    check("{[\"one\", \"five\", \"seven\", \"eight\"], [\"one\", \"five\", \"six\", \"nine\"], [\"one\", \"two\", \"four\", \"three\"]}",
        "graph.reachable_paths", g1, "{\"one\"}");
    check("{[\"one\", \"five\", \"seven\", \"eight\"], [\"one\", \"five\", \"six\", \"nine\"], [\"one\", \"two\", \"four\", \"three\"]}",
        "graph.reachable_paths", g1.replace('[', '{').replace(']', '}'), "{\"one\"}");
    String g3 = "{\"one\": [\"two\",\"five\"], \"two\": [\"four\"], \"three\": [\"\"], \"four\": [\"three\"], \"five\": [\"seven\",\"six\"],"
        + " \"six\": [\"nine\",\"seven\"], \"seven\": [\"eight\"], \"eight\": [\"three\"], \"nine\": [\"\"]}";
    check("{[\"one\", \"five\", \"seven\", \"eight\", \"three\"], [\"one\", \"five\", \"six\"], [\"one\", \"five\", \"six\", \"nine\"],"
        + " [\"one\", \"two\", \"four\", \"three\"]}", "graph.reachable_paths", g3, "{\"one\"}");
  }
}
