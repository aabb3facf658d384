package dev.verdict.builtins.pki;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM blocks as Go's {@code encoding/pem} finds them: garbage between blocks is skipped. */
public record Pem(String type, byte[] bytes) {

  private static final String BEGIN = "-----BEGIN ";
  private static final String DASHES = "-----";

  /** Every well-formed block in the text, in order. */
  public static List<Pem> decodeAll(String text) {
    List<Pem> out = new ArrayList<>();
    int from = 0;
    while (true) {
      Decoded d = decode(text, from);
      if (d == null) {
        return out;
      }
      out.add(d.block());
      from = d.next();
    }
  }

  public static List<Pem> decodeAll(byte[] data) {
    return decodeAll(new String(data, StandardCharsets.ISO_8859_1));
  }

  /** A block and the index just past it. */
  public record Decoded(Pem block, int next) {}

  /** The first well-formed block at or after {@code from}, or null. */
  public static Decoded decode(String text, int from) {
    int begin = text.indexOf(BEGIN, from);
    while (begin >= 0) {
      Decoded d = block(text, begin);
      if (d != null) {
        return d;
      }
      begin = text.indexOf(BEGIN, begin + BEGIN.length());
    }
    return null;
  }

  private static Decoded block(String text, int begin) {
    int typeStart = begin + BEGIN.length();
    int lineEnd = text.indexOf('\n', typeStart);
    String line = (lineEnd < 0 ? text.substring(typeStart) : text.substring(typeStart, lineEnd)).stripTrailing();
    if (!line.endsWith(DASHES) || lineEnd < 0) {
      return null;
    }
    String type = line.substring(0, line.length() - DASHES.length());
    String endMarker = "\n-----END " + type + DASHES;
    int endAt = text.indexOf(endMarker, lineEnd);
    if (endAt < 0) {
      if (text.startsWith(endMarker.substring(1), lineEnd + 1)) {
        endAt = lineEnd; // empty body
      } else {
        return null;
      }
    }
    StringBuilder body = new StringBuilder();
    for (String l : text.substring(lineEnd + 1, Math.max(endAt, lineEnd + 1)).split("\n")) {
      if (l.contains(":")) {
        continue; // RFC 1421 headers
      }
      for (int i = 0; i < l.length(); i++) {
        char c = l.charAt(i);
        if (!Character.isWhitespace(c)) {
          body.append(c);
        }
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(body.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
    int next = endAt + endMarker.length();
    int nl = text.indexOf('\n', next);
    return new Decoded(new Pem(type, bytes), nl < 0 ? text.length() : nl + 1);
  }
}
