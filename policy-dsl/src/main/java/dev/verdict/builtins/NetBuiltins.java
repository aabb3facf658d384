package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.STRING;

import dev.verdict.builtins.net.GoIp;
import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** {@code net.*}: CIDR arithmetic with Go's parsing and printing, merging with the ipaddress library. */
public final class NetBuiltins {

  private static final Type STRINGS = Type.setOf(STRING);
  private static final Type CIDR_TERMS = Type.anyOf(STRING, Type.ANY_ARRAY, Type.objectOf(STRING, ANY), Type.ANY_SET);

  private NetBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.function("net.cidr_contains", Signature.of(BOOLEAN, STRING, STRING), (ctx, a) -> contains(a[0], a[1]));
    r.deprecated("net.cidr_overlap", Signature.of(BOOLEAN, STRING, STRING), (ctx, a) -> contains(a[0], a[1]));
    r.function("net.cidr_intersects", Signature.of(BOOLEAN, STRING, STRING), (ctx, a) -> {
      GoIp.Net x = net(a[0]);
      GoIp.Net y = net(a[1]);
      return BooleanValue.of(x.contains(y.ip()) || y.contains(x.ip()));
    });
    r.function("net.cidr_contains_matches", Signature.of(Type.setOf(Type.ANY_ARRAY), CIDR_TERMS, CIDR_TERMS),
        (ctx, a) -> containsMatches(a[0], a[1]));
    r.function("net.cidr_expand", Signature.of(STRINGS, STRING), (ctx, a) -> expand(ctx, net(a[0])));
    r.function("net.cidr_is_valid", Signature.of(BOOLEAN, STRING), (ctx, a) -> BooleanValue.of(
        a[0] instanceof StringValue s && GoIp.parseCidr(s.value()) != null));
    r.function("net.cidr_merge", Signature.of(STRINGS, Type.anyOf(Type.arrayOf(STRING), STRINGS)),
        (ctx, a) -> merge(a[0]));
    r.nondeterministic("net.lookup_ip_addr", Signature.of(STRINGS, STRING), (ctx, a) -> {
      String name = Operands.string(a, 0);
      return ctx.queryCache(List.of("net.lookup_ip_addr", name), k -> lookup(name));
    });
  }

  /** OPA's getNetFromOperand: a string CIDR (operand 1 in messages, as OPA reports it). */
  private static GoIp.Net net(Value v) {
    if (!(v instanceof StringValue s)) {
      throw BuiltinException.operandType(1, "string", v);
    }
    GoIp.Net n = GoIp.parseCidr(s.value());
    if (n == null) {
      throw BuiltinException.error("invalid CIDR address: " + s.value());
    }
    return n;
  }

  private static Value contains(Value cidr, Value cidrOrIp) {
    GoIp.Net a = net(cidr);
    if (!(cidrOrIp instanceof StringValue s)) {
      throw BuiltinException.operandType(1, "string", cidrOrIp);
    }
    byte[] ip = GoIp.parseIp(s.value());
    if (ip != null) {
      return BooleanValue.of(a.contains(ip));
    }
    GoIp.Net b = GoIp.parseCidr(s.value());
    if (b == null) {
      throw BuiltinException.error("not a valid textual representation of an IP address or CIDR: " + s.value());
    }
    return BooleanValue.of(a.contains(b.ip()) && a.contains(b.last()));
  }

  private static Value containsMatches(Value cidrs, Value addrs) {
    List<Value> result = new ArrayList<>();
    eachCidr(1, cidrs, (cidr1, index1) -> eachCidr(2, addrs, (cidr2, index2) -> {
      if (contains(cidr1, cidr2) == BooleanValue.TRUE) {
        result.add(ArrayValue.of(index1, index2));
      }
    }));
    return SetValue.of(result);
  }

  /** The CIDRs of a contains_matches operand with the index (or key, or element) naming each. */
  private static void eachCidr(int operand, Value v, BiConsumer<Value, Value> each) {
    switch (v) {
      case StringValue s -> each.accept(s, s);
      case ArrayValue arr -> {
        for (int i = 0; i < arr.size(); i++) {
          each.accept(matchTerm(operand, arr.get(i)), NumberValue.of(i));
        }
      }
      case SetValue set -> {
        for (Value x : set.asList()) {
          each.accept(matchTerm(operand, x), x);
        }
      }
      case ObjectValue obj -> {
        for (int i = 0; i < obj.size(); i++) {
          each.accept(matchTerm(operand, obj.value(i)), obj.key(i));
        }
      }
      default -> {}
    }
  }

  private static Value matchTerm(int operand, Value v) {
    if (v instanceof StringValue) {
      return v;
    }
    if (v instanceof ArrayValue arr && !arr.isEmpty()) {
      return arr.get(0);
    }
    throw BuiltinException.error("operand " + operand + ": element must be string or non-empty array");
  }

  private static Value expand(BuiltinContext ctx, GoIp.Net n) {
    List<Value> out = new ArrayList<>();
    byte[] ip = n.ip().clone();
    while (n.contains(ip)) {
      if ((out.size() & 0xfff) == 0xfff) {
        ctx.checkLimits();
      }
      out.add(StringValue.of(GoIp.toString(ip)));
      if (!increment(ip)) {
        break;
      }
    }
    return SetValue.of(out);
  }

  /** Adds one to the address; false when it wrapped around. */
  private static boolean increment(byte[] ip) {
    for (int j = ip.length - 1; j >= 0; j--) {
      ip[j]++;
      if (ip[j] != 0) {
        return true;
      }
    }
    return false;
  }

  /** The smallest set of CIDRs covering the given addresses and networks. */
  private static Value merge(Value operand) {
    List<Value> items = switch (operand) {
      case ArrayValue arr -> arr.asList();
      case SetValue set -> set.asList();
      default -> throw BuiltinException.error("operand must be an array");
    };
    List<IPv4Address> v4 = new ArrayList<>();
    List<IPv6Address> v6 = new ArrayList<>();
    for (Value item : items) {
      GoIp.Net n = mergeNet(item);
      byte[] v4bytes = GoIp.to4(n.ip());
      if (v4bytes != null && n.mask().length == 4) {
        v4.add(new IPv4Address(v4bytes, n.prefix()).toPrefixBlock());
      } else {
        v6.add(new IPv6Address(n.ip(), n.prefix()).toPrefixBlock());
      }
    }
    List<Value> out = new ArrayList<>();
    if (!v4.isEmpty()) {
      for (IPAddress a : v4.get(0).mergeToPrefixBlocks(v4.toArray(new IPv4Address[0]))) {
        out.add(StringValue.of(GoIp.toString(a.getBytes()) + "/" + a.getPrefixLength()));
      }
    }
    if (!v6.isEmpty()) {
      for (IPAddress a : v6.get(0).mergeToPrefixBlocks(v6.toArray(new IPv6Address[0]))) {
        out.add(StringValue.of(GoIp.toString(a.getBytes()) + "/" + a.getPrefixLength()));
      }
    }
    return SetValue.of(out);
  }

  /** OPA's generateIPNet: a CIDR, or an IPv4 address with its classful default mask. */
  private static GoIp.Net mergeNet(Value item) {
    if (!(item instanceof StringValue s)) {
      throw BuiltinException.error("element must be string");
    }
    byte[] ip = GoIp.parseIp(s.value());
    if (ip == null) {
      GoIp.Net n = GoIp.parseCidr(s.value());
      if (n == null) {
        throw BuiltinException.error("invalid CIDR address: " + s.value());
      }
      return n;
    }
    byte[] v4 = GoIp.to4(ip);
    if (v4 == null) {
      throw BuiltinException.error("IPv6 invalid: needs prefix length");
    }
    int first = v4[0] & 0xff;
    int ones = first < 0x80 ? 8 : first < 0xc0 ? 16 : 24;
    byte[] mask = GoIp.mask(ones, 32);
    byte[] masked = ip.clone();
    for (int i = 0; i < 4; i++) {
      masked[12 + i] &= mask[i];
    }
    return new GoIp.Net(masked, mask);
  }

  private static Value lookup(String name) {
    try {
      List<Value> out = new ArrayList<>();
      for (InetAddress a : InetAddress.getAllByName(name)) {
        out.add(StringValue.of(GoIp.toString(a.getAddress())));
      }
      return SetValue.of(out);
    } catch (UnknownHostException e) {
      throw BuiltinException.error("lookup " + name + ": no such host");
    }
  }
}
