package dev.verdict.sandbox.binary;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Splits a module into its sections and joins sections back, in the order the format requires. */
public final class Sections {

  public static final int TYPE = 1;
  public static final int IMPORT = 2;
  public static final int FUNCTION = 3;
  public static final int TABLE = 4;
  public static final int MEMORY = 5;
  public static final int GLOBAL = 6;
  public static final int EXPORT = 7;
  public static final int START = 8;
  public static final int ELEMENT = 9;
  public static final int CODE = 10;
  public static final int DATA = 11;
  public static final int DATA_COUNT = 12;
  public static final int TAG = 13;

  private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

  /** Position of each known section id in the required order; custom sections (0) have none. */
  private static final List<Integer> ORDER =
      List.of(TYPE, IMPORT, FUNCTION, TABLE, MEMORY, TAG, GLOBAL, EXPORT, START, ELEMENT, DATA_COUNT, CODE, DATA);

  /** One section: its id, its payload, and where the payload starts in the original bytes. */
  public record Section(int id, byte[] payload, int offset) {}

  private Sections() {}

  /** The sections after the 8-byte header, custom ones included. */
  public static List<Section> split(byte[] wasm) {
    ByteReader r = new ByteReader(wasm, HEADER.length, wasm.length);
    List<Section> out = new ArrayList<>();
    while (!r.atEnd()) {
      int id = r.u8();
      long size = r.u32();
      int offset = r.position();
      out.add(new Section(id, r.take(size), offset));
    }
    return out;
  }

  /** A module from known sections, sorted into the format's order; custom sections are dropped. */
  public static byte[] join(List<Section> sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HEADER);
    sections.stream()
        .filter(s -> ORDER.contains(s.id()))
        .sorted(Comparator.comparingInt(s -> ORDER.indexOf(s.id())))
        .forEach(s -> {
          out.write(s.id());
          Leb.u32(out, s.payload().length);
          out.writeBytes(s.payload());
        });
    return out.toByteArray();
  }

  /** A vector payload (count, then entries) with {@code extra} entries appended. */
  public static byte[] append(byte[] vectorPayload, int extraCount, byte[] extraEntries) {
    ByteReader r = new ByteReader(vectorPayload);
    long count = vectorPayload.length == 0 ? 0 : r.u32();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Leb.u32(out, count + extraCount);
    out.write(vectorPayload, r.position(), vectorPayload.length - r.position());
    out.writeBytes(extraEntries);
    return out.toByteArray();
  }
}
