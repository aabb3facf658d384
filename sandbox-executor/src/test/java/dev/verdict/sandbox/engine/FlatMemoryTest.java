package dev.verdict.sandbox.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link FlatMemory} against Chicory's {@link ByteArrayMemory}: the same random operations, with
 * addresses clustered around the edges of the memory, give the same values, the same sizes and
 * out-of-bounds traps at the same places.
 */
class FlatMemoryTest {

  @Test
  void behavesLikeChicorysByteArrayMemory() {
    int traps = 0;
    int values = 0;
    for (long seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      MemoryLimits limits = new MemoryLimits(1 + random.nextInt(2), 2 + random.nextInt(3));
      Memory flat = new FlatMemory(limits);
      Memory chicory = new ByteArrayMemory(limits);
      for (int step = 0; step < 10_000; step++) {
        int address = address(random, chicory.pages() * Memory.PAGE_SIZE);
        int op = random.nextInt(20);
        long operands = seed * 100_003 + step;
        String what = "seed " + seed + ", step " + step + ", op " + op + " at " + address;
        Object expected = outcome(chicory, m -> apply(m, op, address, operands));
        assertEquals(expected, outcome(flat, m -> apply(m, op, address, operands)), what);
        if (expected.equals("out of bounds")) {
          traps++;
        } else {
          values++;
        }
      }
      assertEquals(chicory.pages(), flat.pages());
      assertArrayEquals(chicory.readBytes(0, chicory.pages() * Memory.PAGE_SIZE),
          flat.readBytes(0, flat.pages() * Memory.PAGE_SIZE));
    }
    // both kinds of outcome, in numbers
    assertTrue(traps > 25_000 && values > 100_000, traps + " traps, " + values + " values");
  }

  /** Mostly near 0 and the end of the memory (where bounds matter), sometimes anywhere, sometimes negative. */
  static int address(Random random, int size) {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextInt(16);
      case 1, 2 -> size - 12 + random.nextInt(20);
      case 3 -> random.nextInt(size);
      default -> Integer.MIN_VALUE + random.nextInt(16);
    };
  }

  /** One operation; its result as a comparable value. */
  static Object apply(Memory m, int op, int address, long seed) {
    Random values = new Random(seed);
    return switch (op) {
      case 0 -> m.read(address);
      case 1 -> m.readShort(address);
      case 2 -> m.readU16(address);
      case 3 -> m.readInt(address);
      case 4 -> m.readLong(address);
      case 5 -> m.readF32(address);
      case 6 -> Double.doubleToRawLongBits(m.readDouble(address));
      case 7 -> {
        m.writeByte(address, (byte) values.nextInt());
        yield null;
      }
      case 8 -> {
        m.writeShort(address, (short) values.nextInt());
        yield null;
      }
      case 9 -> {
        m.writeI32(address, values.nextInt());
        yield null;
      }
      case 10 -> {
        m.writeLong(address, values.nextLong());
        yield null;
      }
      case 11 -> {
        m.writeF32(address, Float.intBitsToFloat(values.nextInt()));
        yield null;
      }
      case 12 -> {
        m.writeF64(address, Double.longBitsToDouble(values.nextLong()));
        yield null;
      }
      case 13 -> java.util.Arrays.toString(m.readBytes(address, values.nextInt(40)));
      case 14 -> {
        byte[] data = new byte[values.nextInt(40)];
        values.nextBytes(data);
        m.write(address, data);
        yield null;
      }
      case 15 -> {
        m.fill((byte) values.nextInt(), address, address + values.nextInt(40));
        yield null;
      }
      case 16 -> {
        m.copy(address, values.nextInt(64), values.nextInt(40));
        yield null;
      }
      case 17 -> m.grow(values.nextInt(3));
      case 18 -> m.pages();
      default -> Float.floatToRawIntBits(m.readFloat(address));
    };
  }

  /** The value, or that it trapped out of bounds. */
  static Object outcome(Memory m, Function<Memory, Object> op) {
    try {
      return Objects.toString(op.apply(m));
    } catch (WasmRuntimeException e) {
      return e.getMessage().startsWith("out of bounds memory access") ? "out of bounds" : e.getMessage();
    }
  }

  @Test
  void growsUpToItsMaximumAndNoFurther() {
    FlatMemory m = new FlatMemory(new MemoryLimits(1, 3));
    m.writeI32(Memory.PAGE_SIZE - 4, 0x01020304);
    assertEquals(1, m.grow(2));
    assertEquals(3, m.pages());
    assertEquals(0x01020304, m.readInt(Memory.PAGE_SIZE - 4));
    assertEquals(0, m.readLong(3 * Memory.PAGE_SIZE - 8));
    assertEquals(-1, m.grow(1));
    assertEquals(-1, m.grow(-1));
    assertEquals(3, m.grow(0));
    assertThrows(WasmRuntimeException.class, () -> m.read(3 * Memory.PAGE_SIZE));
  }

  @Test
  void holdsAtMostWhatOneArrayCan() {
    assertEquals(FlatMemory.MAX_PAGES, new FlatMemory(new MemoryLimits(0, 65_536)).maximumPages());
    assertThrows(IllegalArgumentException.class, () -> new FlatMemory(new MemoryLimits(1, 2, true)));
  }
}
