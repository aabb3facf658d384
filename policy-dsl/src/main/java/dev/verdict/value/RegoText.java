package dev.verdict.value;

/** Renders values as Rego source text, the form used in messages and by {@code print}. */
final class RegoText {

  private RegoText() {}

  static String of(Value v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v);
    return sb.toString();
  }

  static void append(StringBuilder sb, Value v) {
    switch (v) {
      case StringValue s -> sb.append(quote(s.value()));
      case ArrayValue a -> {
        sb.append('[');
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          append(sb, a.get(i));
        }
        sb.append(']');
      }
      case SetValue s -> {
        if (s.isEmpty()) {
          sb.append("set()");
          return;
        }
        sb.append('{');
        for (int i = 0; i < s.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          append(sb, s.get(i));
        }
        sb.append('}');
      }
      case ObjectValue o -> {
        sb.append('{');
        for (int i = 0; i < o.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          append(sb, o.key(i));
          sb.append(": ");
          append(sb, o.value(i));
        }
        sb.append('}');
      }
      default -> sb.append(v);
    }
  }

  /** A JSON string literal, escaped as Go's encoding/json escapes it (HTML-safe off). */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
