package dev.verdict.builtins.net;

import java.util.Arrays;

/**
 * IP addresses and networks as Go's {@code net} package parses, compares and prints them:
 * strict dotted-decimal IPv4 (no leading zeros), IPv6 without zones, addresses held in their
 * 16-byte form, IPv4 masks 4 bytes long, RFC 5952 text.
 */
public final class GoIp {

  private static final byte[] V4_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

  private GoIp() {}

  /** A network: its (masked) address in 16-byte form and a 4- or 16-byte mask. */
  public record Net(byte[] ip, byte[] mask) {
    public int prefix() {
      int n = 0;
      for (byte b : mask) {
        n += Integer.bitCount(b & 0xff);
      }
      return n;
    }

    public int bits() {
      return mask.length * 8;
    }

    /** Go's IPNet.Contains. */
    public boolean contains(byte[] addr16) {
      byte[] nn = to4(ip);
      if (nn == null) {
        nn = ip;
      }
      byte[] m = mask;
      if (m.length == 4 && nn.length != 4) {
        return false;
      }
      if (m.length == 16 && nn.length == 4) {
        m = Arrays.copyOfRange(m, 12, 16);
      }
      byte[] x = to4(addr16);
      byte[] a = x != null ? x : addr16;
      if (a.length != nn.length) {
        return false;
      }
      for (int i = 0; i < a.length; i++) {
        if ((nn[i] & m[i]) != (a[i] & m[i])) {
          return false;
        }
      }
      return true;
    }

    /** The last address of the network, in 16-byte form. */
    public byte[] last() {
      byte[] out = ip.clone();
      int offset = 16 - mask.length;
      for (int i = 0; i < mask.length; i++) {
        out[offset + i] |= (byte) ~mask[i];
      }
      return out;
    }

    /** Go's IPNet.String: "address/prefix", an IPv4-mapped network shown as IPv4. */
    @Override
    public String toString() {
      if (to4(ip) != null && mask.length == 16) {
        int ones = 0;
        for (int i = 12; i < 16; i++) {
          ones += Integer.bitCount(mask[i] & 0xff);
        }
        return GoIp.toString(ip) + "/" + ones;
      }
      return GoIp.toString(ip) + "/" + prefix();
    }
  }

  /** Go's net.ParseIP: the 16-byte form, or null. */
  public static byte[] parseIp(String s) {
    if (s.indexOf('.') >= 0 && s.indexOf(':') < 0) {
      byte[] v4 = parseV4(s);
      return v4 == null ? null : v4in6(v4);
    }
    return parseV6(s);
  }

  /** Go's net.ParseCIDR: the network, or null when {@code s} is not a CIDR. */
  public static Net parseCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String addr = s.substring(0, slash);
    String len = s.substring(slash + 1);
    boolean v4 = addr.indexOf(':') < 0;
    byte[] ip = parseIp(addr);
    if (ip == null || len.isEmpty() || len.length() > 3 || !len.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    int n = Integer.parseInt(len);
    int bits = v4 ? 32 : 128;
    if (n > bits) {
      return null;
    }
    byte[] mask = mask(n, bits);
    byte[] masked = ip.clone();
    int offset = 16 - mask.length;
    for (int i = 0; i < mask.length; i++) {
      masked[offset + i] &= mask[i];
    }
    if (v4) {
      System.arraycopy(V4_PREFIX, 0, masked, 0, 12); // Go's IP.Mask keeps the v4-in-v6 prefix
    }
    return new Net(masked, mask);
  }

  public static byte[] mask(int ones, int bits) {
    byte[] m = new byte[bits / 8];
    for (int i = 0; i < m.length; i++) {
      int take = Math.max(0, Math.min(8, ones - 8 * i));
      m[i] = (byte) (0xff00 >> take);
    }
    return m;
  }

  /** The 4-byte form of an IPv4 (or IPv4-mapped) address, else null. */
  public static byte[] to4(byte[] ip) {
    if (ip.length == 4) {
      return ip;
    }
    if (ip.length == 16 && Arrays.equals(ip, 0, 12, V4_PREFIX, 0, 12)) {
      return Arrays.copyOfRange(ip, 12, 16);
    }
    return null;
  }

  static byte[] v4in6(byte[] v4) {
    byte[] out = new byte[16];
    System.arraycopy(V4_PREFIX, 0, out, 0, 12);
    System.arraycopy(v4, 0, out, 12, 4);
    return out;
  }

  private static byte[] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')
          || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] parseV6(String s) {
    if (s.isEmpty() || s.indexOf('%') >= 0) {
      return null;
    }
    byte[] out = new byte[16];
    int ellipsis = -1;
    int i = 0;
    int pos = 0;
    if (s.startsWith("::")) {
      ellipsis = 0;
      pos = 2;
      if (pos == s.length()) {
        return out;
      }
    }
    while (i < 16) {
      int end = pos;
      while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0 && end - pos < 5) {
        end++;
      }
      if (end == pos || end - pos > 4) {
        return null;
      }
      if (end < s.length() && s.charAt(end) == '.') {
        // an embedded IPv4 address ends the text
        if (ellipsis < 0 && i != 12 || i + 4 > 16) {
          return null;
        }
        byte[] v4 = parseV4(s.substring(pos));
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, i, 4);
        i += 4;
        pos = s.length();
        break;
      }
      int group = Integer.parseInt(s.substring(pos, end), 16);
      out[i++] = (byte) (group >> 8);
      out[i++] = (byte) group;
      pos = end;
      if (pos == s.length()) {
        break;
      }
      if (s.charAt(pos) != ':' || pos + 1 == s.length()) {
        return null;
      }
      pos++;
      if (s.charAt(pos) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = i;
        pos++;
        if (pos == s.length()) {
          break;
        }
      }
    }
    if (pos != s.length()) {
      return null;
    }
    if (i < 16) {
      if (ellipsis < 0) {
        return null;
      }
      int n = 16 - i;
      System.arraycopy(out, ellipsis, out, ellipsis + n, i - ellipsis);
      Arrays.fill(out, ellipsis, ellipsis + n, (byte) 0);
    } else if (ellipsis >= 0) {
      return null;
    }
    return out;
  }

  /** Go's IP.String: dotted IPv4 for 4-byte and IPv4-mapped addresses, RFC 5952 IPv6 otherwise. */
  public static String toString(byte[] ip) {
    byte[] v4 = to4(ip);
    if (v4 != null) {
      return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int g = 0; g < 8; g++) {
      int len = 0;
      while (g + len < 8 && ip[2 * (g + len)] == 0 && ip[2 * (g + len) + 1] == 0) {
        len++;
      }
      if (len >= 2 && len > bestLen) {
        bestStart = g;
        bestLen = len;
      }
      g += len;
    }
    StringBuilder b = new StringBuilder();
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        b.append("::");
        g += bestLen - 1;
        continue;
      }
      if (!b.isEmpty() && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(((ip[2 * g] & 0xff) << 8) | (ip[2 * g + 1] & 0xff)));
    }
    return b.toString();
  }
}
