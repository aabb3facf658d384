package dev.verdict.builtins.gotime;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Time zones as Go's {@code time.LoadLocation} names them, and Go's zone abbreviations. */
public final class GoZones {

  private static final Map<String, ZoneId> CACHE = new ConcurrentHashMap<>();
  private static final Set<String> AVAILABLE = ZoneId.getAvailableZoneIds();
  private static final DateTimeFormatter SHORT_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private GoZones() {}

  /** An unknown zone name. */
  public static final class UnknownZoneException extends RuntimeException {
    UnknownZoneException(String name) {
      super("unknown time zone " + name, null, false, false);
    }
  }

  /**
   * The zone Go's {@code LoadLocation} returns: "" and "UTC" are UTC, "Local" the process zone,
   * anything else an IANA name. Java's offset-style ids ("+05:00", "GMT+3") are refused, as Go
   * has no such names; EST, MST and HST are tzdata zones Java keeps only as short ids.
   */
  public static ZoneId load(String name) {
    return switch (name) {
      case "", "UTC" -> ZoneOffset.UTC;
      case "Local" -> ZoneId.systemDefault();
      default -> CACHE.computeIfAbsent(name, GoZones::region);
    };
  }

  private static ZoneId region(String name) {
    if (AVAILABLE.contains(name)) {
      return ZoneId.of(name);
    }
    if (name.equals("EST") || name.equals("MST") || name.equals("HST")) {
      return ZoneId.of(name, ZoneId.SHORT_IDS);
    }
    throw new UnknownZoneException(name);
  }

  /**
   * The abbreviation Go prints for {@code MST} in a layout. Java's English short names match
   * tzdata's for most zones; where Java has none it prints "GMT+03:00", which tzdata writes "+03".
   */
  public static String abbreviation(ZoneId zone, Instant at) {
    if (zone.equals(ZoneOffset.UTC)) {
      return "UTC";
    }
    if (zone instanceof ZoneOffset offset) {
      return offset.getId();
    }
    String name = SHORT_NAME.format(at.atZone(zone));
    if (name.startsWith("GMT+") || name.startsWith("GMT-")) {
      int total = zone.getRules().getOffset(at).getTotalSeconds();
      int minutes = Math.abs(total) / 60;
      StringBuilder b = new StringBuilder().append(total < 0 ? '-' : '+');
      GoLayout.appendInt(b, minutes / 60, 2);
      if (minutes % 60 != 0) {
        GoLayout.appendInt(b, minutes % 60, 2);
      }
      return b.toString();
    }
    return name;
  }
}
