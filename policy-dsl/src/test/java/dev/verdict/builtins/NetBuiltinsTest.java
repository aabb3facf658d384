package dev.verdict.builtins;

import static dev.verdict.builtins.BuiltinCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.builtins.BuiltinException.Code;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The net conformance cases of OPA, plus Go's address parsing and printing. */
class NetBuiltinsTest {

  private final BuiltinCalls b = new BuiltinCalls();

  private static StringValue s(String v) {
    return StringValue.of(v);
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8,10.1.0.0/24,true", "172.17.0.0/24,172.17.0.0/16,false", "10.0.0.0/8,192.168.1.0/24,false",
    "10.0.0.0/8,10.1.1.1/32,true", "2001:4860:4860::8888/32,2001:4860:4860:1234::8888/40,true",
    "2001:4860:4860::8888/32,2001:4860:4860:1234:5678:1234:5678:8888/128,true",
    "2001:4860::/96,2001:4860::/32,false", "2001:4860::/32,fd1e:5bfe:8af3:9ddc::/64,false",
    "10.0.0.0/8,10.1.2.3,true", "10.0.0.0/8,192.168.1.1,false", "10.0.0.0/8,::ffff:10.1.2.3,true",
  })
  void contains(String cidr, String other, boolean expected) {
    assertEquals(json(Boolean.toString(expected)), b.call("net.cidr_contains", s(cidr), s(other)));
    assertEquals(json(Boolean.toString(expected)), b.call("net.cidr_overlap", s(cidr), s(other)));
  }

  @Test
  void malformed() {
    b.assertError(Code.BUILTIN_ERROR, "invalid CIDR address: not-a-cidr", "net.cidr_contains", s("not-a-cidr"), s("192.168.1.67"));
    b.assertError(Code.BUILTIN_ERROR, "not a valid textual representation of an IP address or CIDR: not-a-cidr",
        "net.cidr_contains", s("192.168.1.0/28"), s("not-a-cidr"));
    b.assertError(Code.BUILTIN_ERROR, "invalid CIDR address", "net.cidr_intersects", s("not-a-cidr"), s("192.168.1.0/24"));
    b.assertError(Code.BUILTIN_ERROR, "invalid CIDR address: 192.168.1.1/33", "net.cidr_expand", s("192.168.1.1/33"));
    b.assertError(Code.TYPE_ERROR, "operand 1 must be string but got number", "net.cidr_contains", json("1"), s("1.1.1.1"));
  }

  @Test
  void intersects() {
    b.assertCall("true", "net.cidr_intersects", "\"192.168.1.0/25\"", "\"192.168.1.64/25\"");
    b.assertCall("false", "net.cidr_intersects", "\"192.168.1.0/24\"", "\"192.168.2.0/24\"");
    b.assertCall("true", "net.cidr_intersects", "\"fd1e:5bfe:8af3:9ddc::/64\"", "\"fd1e:5bfe:8af3:9ddc:1111::/72\"");
    b.assertCall("false", "net.cidr_intersects", "\"fd1e:5bfe:8af3:9ddc::/64\"", "\"2001:4860:4860::8888/32\"");
  }

  @Test
  void containsMatches() {
    assertEquals(toSet(json("[[\"1.1.1.0/24\", \"1.1.1.1\"]]")),
        b.call("net.cidr_contains_matches", s("1.1.1.0/24"), s("1.1.1.1")));
    assertEquals(toSet(json("[[0, 1], [1, 0]]")), b.call("net.cidr_contains_matches",
        json("[\"1.1.2.0/24\", \"1.1.1.0/24\"]"), json("[\"1.1.1.1\", \"1.1.2.1\"]")));
    assertEquals(toSet(json("[[0, 1], [1, 0]]")), b.call("net.cidr_contains_matches",
        json("[[\"1.1.2.0/24\", 1], \"1.1.1.0/24\"]"), json("[\"1.1.1.1\", \"1.1.2.1\"]")));
    assertEquals(json("[[\"k1\", \"1.1.1.128\"], [\"k2\", \"1.1.1.128\"]]"), toArray(b.call("net.cidr_contains_matches",
        json("{\"k1\": \"1.1.1.1/24\", \"k2\": [\"1.1.1.2/24\", 1]}"), s("1.1.1.128"))));
    Value sets = b.call("net.cidr_contains_matches",
        SetValue.of(json("[\"1.1.1.0/24\", \"bar\"]"), json("[\"1.1.2.0/24\", \"foo\"]")),
        SetValue.of(json("[\"1.1.1.1\", \"baz\"]"), json("[\"1.1.2.1\", \"qux\"]")));
    assertEquals(SetValue.of(json("[[\"1.1.1.0/24\", \"bar\"], [\"1.1.1.1\", \"baz\"]]"),
        json("[[\"1.1.2.0/24\", \"foo\"], [\"1.1.2.1\", \"qux\"]]")), sets);
    b.assertError(Code.BUILTIN_ERROR, "operand 2: element must be string or non-empty array",
        "net.cidr_contains_matches", json("[\"1.1.2.0/24\"]"), json("[\"1.1.1.1\", 1]"));
    b.assertError(Code.BUILTIN_ERROR, "operand 2: element must be string or non-empty array",
        "net.cidr_contains_matches", json("[\"1.1.2.0/24\"]"), SetValue.of(json("[]"), json("[\"1.1.2.1\", \"qux\"]")));
  }

  private static Value toArray(Value set) {
    return dev.verdict.value.ArrayValue.of(((SetValue) set).asList());
  }

  @Test
  void expand() {
    assertEquals(set("192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"), b.call("net.cidr_expand", s("192.168.1.1/30")));
    assertEquals(set("172.16.100.252", "172.16.100.253", "172.16.100.254", "172.16.100.255"),
        b.call("net.cidr_expand", s("172.16.100.255/30")));
    assertEquals(set("192.168.1.1"), b.call("net.cidr_expand", s("192.168.1.1/32")));
    assertEquals(set("::", "::1"), b.call("net.cidr_expand", s("::/127")));
    assertEquals(set("255.255.255.254", "255.255.255.255"), b.call("net.cidr_expand", s("255.255.255.254/31")));
  }

  private static SetValue set(String... items) {
    return SetValue.of(java.util.Arrays.stream(items).map(x -> (Value) s(x)).toList());
  }

  @Test
  void isValid() {
    b.assertCall("true", "net.cidr_is_valid", "\"192.168.1.0/24\"");
    b.assertCall("false", "net.cidr_is_valid", "\"\"");
    b.assertCall("false", "net.cidr_is_valid", "\"there goes a string\"");
    b.assertCall("false", "net.cidr_is_valid", "\"192.168.1.2\"");
    b.assertCall("true", "net.cidr_is_valid", "\"2002::1234:abcd:ffff:c0a8:101/64\"");
    b.assertCall("false", "net.cidr_is_valid", "\"010.1.1.1/8\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]|[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]",
    "[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64\", \"2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128\"]|[\"2601:600:8a80:207e::/64\"]",
    "[\"192.0.128.0/24\", \"192.0.128.0/24\"]|[\"192.0.128.0/24\"]",
    "[\"192.0.128.0/24\", \"0.0.0.0/0\"]|[\"0.0.0.0/0\"]",
    "[\"192.0.128.0/24\", \"192.0.129.0/24\"]|[\"192.0.128.0/23\"]",
    "[\"192.0.2.112/30\", \"192.0.2.116/31\", \"192.0.2.118/31\"]|[\"192.0.2.112/29\"]",
    "[\"192.0.129.0/24\", \"192.0.130.0/24\"]|[\"192.0.129.0/24\", \"192.0.130.0/24\"]",
    "[\"192.0.2.112/30\", \"192.0.2.116/32\", \"192.0.2.118/31\"]|[\"192.0.2.112/30\", \"192.0.2.116/32\", \"192.0.2.118/31\"]",
    "[\"192.0.2.112/31\", \"192.0.2.116/31\", \"192.0.2.118/31\"]|[\"192.0.2.112/31\", \"192.0.2.116/30\"]",
    "[\"::/0\", \"fe80::1/128\"]|[\"::/0\"]",
    "[\"::/0\", \"::192.0.2.0/124\", \"ff00::101/128\"]|[\"::/0\"]",
    "[\"fe80::/120\", \"192.0.2.0/24\", \"192.0.3.0/24\", \"192.0.4.0/25\", \"192.0.4.128/25\"]|[\"192.0.2.0/23\", \"192.0.4.0/24\", \"fe80::/120\"]",
    "[]|[]",
    "[\"192.0.2.112\", \"192.0.2.116/31\", \"192.0.2.118/31\"]|[\"192.0.2.0/24\"]",
    "[\"192.0.128.0\", \"192.0.129.0\"]|[\"192.0.128.0/23\"]",
  })
  void merge(String in, String out) {
    assertEquals(toSet(json(out)), b.call("net.cidr_merge", json(in)));
  }

  @Test
  void mergeBigList() {
    String in = "[\"192.0.1.254/31\", \"192.0.2.0/28\", \"192.0.2.16/28\", \"192.0.2.32/28\", \"192.0.2.48/28\","
        + " \"192.0.2.64/28\", \"192.0.2.80/28\", \"192.0.2.96/28\", \"192.0.2.112/28\", \"192.0.2.128/28\","
        + " \"192.0.2.144/28\", \"192.0.2.160/28\", \"192.0.2.176/28\", \"192.0.2.192/28\", \"192.0.2.208/28\","
        + " \"192.0.2.224/28\", \"192.0.2.240/28\", \"192.0.3.0/28\"]";
    assertEquals(set("192.0.1.254/31", "192.0.2.0/24", "192.0.3.0/28"), b.call("net.cidr_merge", json(in)));
    assertEquals(set("192.0.2.112/29"), b.call("net.cidr_merge",
        set("192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31")));
    b.assertError(Code.BUILTIN_ERROR, "IPv6 invalid: needs prefix length", "net.cidr_merge",
        json("[\"2601:600:8a80:207e:a57d:7567:e2c9:e7b3\"]"));
    b.assertError(Code.BUILTIN_ERROR, "invalid CIDR address: foo", "net.cidr_merge", json("[\"foo\"]"));
  }

  private static Value toSet(Value arr) {
    return SetValue.of(((dev.verdict.value.ArrayValue) arr).asList());
  }

  @Test
  void lookup() {
    assertEquals(set("10.0.0.0"), b.call("net.lookup_ip_addr", s("10.0.0.0")));
    assertEquals(set("::"), b.call("net.lookup_ip_addr", s("::")));
    Value local = b.call("net.lookup_ip_addr", s("localhost"));
    assertTrue(Set.of(set("127.0.0.1"), set("127.0.0.1", "::1"), set("::1")).contains(local), local.toString());
  }
}
