package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.NUMBER;
import static dev.verdict.types.Type.STRING;

import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code semver.compare semver.is_valid}: strict SemVer 2.0.0 (no "v" prefix, no leading zeros
 * in numbers, non-empty pre-release and build parts), precedence as the specification defines.
 */
final class SemverBuiltins {

  private SemverBuiltins() {}

  private static final String NUM = "0|[1-9]\\d*";
  private static final String PRE_ID = "0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*";
  private static final Pattern SEMVER = Pattern.compile(
      "(" + NUM + ")\\.(" + NUM + ")\\.(" + NUM + ")"
          + "(?:-((?:" + PRE_ID + ")(?:\\.(?:" + PRE_ID + "))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  /** A parsed version; {@code pre} is null without a pre-release part. */
  record Version(long major, long minor, long patch, String[] pre) {}

  static void register(BuiltinRegistry r) {
    r.function("semver.is_valid", Signature.of(BOOLEAN, ANY), (ctx, a) ->
        BooleanValue.of(a[0] instanceof StringValue s && parse(s.value()) != null));
    r.function("semver.compare", Signature.of(NUMBER, STRING, STRING), (ctx, a) -> {
      String x = Operands.string(a, 0);
      String y = Operands.string(a, 1);
      Version vx = parse(x);
      if (vx == null) {
        throw Args.error("operand 1: string " + GoStrconv.quote(x) + " is not a valid SemVer");
      }
      Version vy = parse(y);
      if (vy == null) {
        throw Args.error("operand 2: string " + GoStrconv.quote(y) + " is not a valid SemVer");
      }
      return NumberValue.of(compare(vx, vy));
    });
  }

  /** The version, or null when it is not strict SemVer (numbers must also fit int64). */
  static Version parse(String s) {
    Matcher m = SEMVER.matcher(s);
    if (!m.matches()) {
      return null;
    }
    try {
      return new Version(
          Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
          m.group(4) == null ? null : m.group(4).split("\\."));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static int compare(Version a, Version b) {
    int c = Long.compare(a.major(), b.major());
    if (c == 0) {
      c = Long.compare(a.minor(), b.minor());
    }
    if (c == 0) {
      c = Long.compare(a.patch(), b.patch());
    }
    if (c == 0) {
      c = comparePre(a.pre(), b.pre());
    }
    return Integer.signum(c);
  }

  /** No pre-release ranks higher; numeric identifiers rank below alphanumeric ones. */
  private static int comparePre(String[] a, String[] b) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? 1 : -1;
    }
    for (int i = 0; i < a.length && i < b.length; i++) {
      boolean an = a[i].chars().allMatch(Character::isDigit);
      boolean bn = b[i].chars().allMatch(Character::isDigit);
      int c;
      if (an && bn) {
        c = new BigInteger(a[i]).compareTo(new BigInteger(b[i]));
      } else if (an || bn) {
        c = an ? -1 : 1;
      } else {
        c = a[i].compareTo(b[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }
}
