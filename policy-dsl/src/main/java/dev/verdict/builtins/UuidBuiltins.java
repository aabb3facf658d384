package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.STRING;

import dev.verdict.types.Type;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.UUID;

/** {@code uuid.rfc4122} (random, one per operand within a query) and {@code uuid.parse}. */
final class UuidBuiltins {

  private UuidBuiltins() {}

  private record Key(Value seed) {}

  /** 100-nanosecond intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
  private static final long GREGORIAN_OFFSET = 122192928000000000L;

  static void register(BuiltinRegistry r) {
    r.nondeterministic("uuid.rfc4122", Signature.of(STRING, STRING), (ctx, a) ->
        ctx.queryCache(new Key(a[0]), k -> StringValue.of(UUID.randomUUID().toString())));
    r.function("uuid.parse", Signature.of(Type.objectOf(STRING, ANY), STRING), (ctx, a) -> {
      byte[] b = parse(Operands.string(a, 0));
      return b == null ? null : describe(b);
    });
  }

  /** google/uuid's accepted forms: plain, braced (any delimiters), urn:uuid: prefixed, or 32 hex digits. */
  static byte[] parse(String s) {
    switch (s.length()) {
      case 36 -> {}
      case 45 -> {
        if (!s.substring(0, 9).equalsIgnoreCase("urn:uuid:")) {
          return null;
        }
        s = s.substring(9);
      }
      case 38 -> s = s.substring(1);
      case 32 -> {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
          int v = hexByte(s, i * 2);
          if (v < 0) {
            return null;
          }
          out[i] = (byte) v;
        }
        return out;
      }
      default -> {
        return null;
      }
    }
    if (s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
      return null;
    }
    int[] at = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) {
      int v = hexByte(s, at[i]);
      if (v < 0) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static int hexByte(String s, int i) {
    int hi = hex(s.charAt(i));
    int lo = hex(s.charAt(i + 1));
    return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /**
   * version and variant always; time, node id (dash-separated bytes), MAC variables and clock
   * sequence for versions 1 and 2; id and domain for 2.
   */
  private static ObjectValue describe(byte[] u) {
    int version = (u[6] & 0xFF) >> 4;
    ObjectValue.Builder b = ObjectValue.builder();
    b.put("version", NumberValue.of(version));
    b.put("variant", StringValue.of(variant(u[8] & 0xFF)));
    if (version == 1 || version == 2) {
      long time = (u32(u, 0)) | (long) u16(u, 4) << 32 | (long) (u16(u, 6) & 0xfff) << 48;
      long sec = time - GREGORIAN_OFFSET;
      long nsec = (sec % 10_000_000) * 100;
      sec /= 10_000_000;
      b.put("time", NumberValue.of(sec * 1_000_000_000L + nsec));
      StringBuilder node = new StringBuilder();
      for (int i = 10; i < 16; i++) {
        node.append(i > 10 ? "-" : "").append(String.format("%02x", u[i] & 0xFF));
      }
      b.put("nodeid", StringValue.of(node.toString()));
      b.put("macvariables", StringValue.of(macVariables(u[10] & 0xFF)));
      b.put("clocksequence", NumberValue.of(u16(u, 8) & 0x3fff));
      if (version == 2) {
        b.put("id", NumberValue.of(u32(u, 0)));
        b.put("domain", StringValue.of(domain(u[9] & 0xFF)));
      }
    }
    return b.build();
  }

  private static long u32(byte[] u, int i) {
    return (long) (u[i] & 0xFF) << 24 | (u[i + 1] & 0xFF) << 16 | (u[i + 2] & 0xFF) << 8 | (u[i + 3] & 0xFF);
  }

  private static int u16(byte[] u, int i) {
    return (u[i] & 0xFF) << 8 | (u[i + 1] & 0xFF);
  }

  private static String variant(int b) {
    if ((b & 0xc0) == 0x80) {
      return "RFC4122";
    }
    if ((b & 0xe0) == 0xc0) {
      return "Microsoft";
    }
    if ((b & 0xe0) == 0xe0) {
      return "Future";
    }
    return "Reserved";
  }

  /** The local/global and unicast/multicast bits of the node id's first byte. */
  private static String macVariables(int b) {
    if ((b & 3) == 3) {
      return "local:multicast";
    }
    if ((b & 1) == 1) {
      return "global:multicast";
    }
    return (b & 2) == 2 ? "local:unicast" : "global:unicast";
  }

  private static String domain(int d) {
    return switch (d) {
      case 0 -> "Person";
      case 1 -> "Group";
      case 2 -> "Org";
      default -> "Domain" + d;
    };
  }
}
