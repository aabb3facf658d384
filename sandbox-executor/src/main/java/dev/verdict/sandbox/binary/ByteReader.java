package dev.verdict.sandbox.binary;

import java.util.Arrays;

/** A cursor over wasm bytes; runs past the end as {@link IllegalArgumentException}. */
public final class ByteReader {

  private final byte[] bytes;
  private int pos;
  private final int end;

  public ByteReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.pos = from;
    this.end = to;
  }

  public ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public int position() {
    return pos;
  }

  public boolean atEnd() {
    return pos >= end;
  }

  public int u8() {
    if (pos >= end) {
      throw new IllegalArgumentException("unexpected end of module at byte " + pos);
    }
    return bytes[pos++] & 0xFF;
  }

  public long u32() {
    long result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = u8();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("integer too long at byte " + pos);
  }

  public byte[] take(long n) {
    if (n < 0 || n > end - pos) {
      throw new IllegalArgumentException("length " + n + " runs past the end at byte " + pos);
    }
    byte[] out = Arrays.copyOfRange(bytes, pos, pos + (int) n);
    pos += (int) n;
    return out;
  }

  public void skip(long n) {
    take(n);
  }
}
