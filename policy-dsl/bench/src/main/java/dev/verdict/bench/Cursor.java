package dev.verdict.bench;

/**
 * Cycles through a fixed request set by index, so each invocation decides the next request. The
 * set's size must be a power of two (the wrap-around is a mask, not a division).
 */
public final class Cursor {

  private final int mask;
  private int next;

  public Cursor(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two: " + size);
    }
    this.mask = size - 1;
  }

  public int next() {
    return next++ & mask;
  }
}
