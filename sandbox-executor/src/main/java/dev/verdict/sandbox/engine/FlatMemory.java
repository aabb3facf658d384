package dev.verdict.sandbox.engine;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A guest's linear memory as one byte array, grown by copying: an access is one bounds-checked
 * array access, where Chicory's {@code ByteArrayMemory} first looks up a 64 KiB page (two checked
 * loads) and branches for accesses that straddle pages. Unshared memories only (the validator
 * refuses shared ones), of at most {@link #MAX_PAGES} pages: a Java array holds less than 2 GiB.
 * Any access outside the memory is {@code out of bounds memory access}, as in Chicory's memories.
 */
public final class FlatMemory implements Memory {

  /** The most pages one array can hold (2 GiB minus a page). */
  public static final int MAX_PAGES = 32_767;

  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private final MemoryLimits limits;
  private byte[] bytes;
  private DataSegment[] segments = new DataSegment[0];

  public FlatMemory(MemoryLimits limits) {
    if (limits.shared()) {
      throw new IllegalArgumentException("shared memory is not supported");
    }
    if (limits.initialPages() > MAX_PAGES) {
      throw new IllegalArgumentException(limits.initialPages() + " initial pages; at most " + MAX_PAGES);
    }
    this.limits = limits;
    this.bytes = new byte[limits.initialPages() * PAGE_SIZE];
  }

  private WasmRuntimeException outOfBounds(int address, int size) {
    return new WasmRuntimeException("out of bounds memory access: attempted to access address: " + address
        + " but limit is: " + bytes.length + " and size: " + size);
  }

  /** {@code [address, address + size)} lies inside the memory. */
  private void check(int address, int size) {
    if (address < 0 || size < 0 || address > bytes.length - size) {
      throw outOfBounds(address, size);
    }
  }

  @Override
  public int pages() {
    return bytes.length / PAGE_SIZE;
  }

  @Override
  public int grow(int delta) {
    int old = pages();
    long wanted = (long) old + delta;
    if (delta < 0 || wanted > Math.min(limits.maximumPages(), MAX_PAGES)) {
      return -1;
    }
    if (delta > 0) {
      bytes = Arrays.copyOf(bytes, (int) wanted * PAGE_SIZE);
    }
    return old;
  }

  @Override
  public int initialPages() {
    return limits.initialPages();
  }

  @Override
  public int maximumPages() {
    return Math.min(limits.maximumPages(), MAX_PAGES);
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public Object lock(int address) {
    return this;
  }

  @Override
  public int waitOn(int address, int expected, long timeout) {
    throw new WasmRuntimeException("expected shared memory");
  }

  @Override
  public int waitOn(int address, long expected, long timeout) {
    throw new WasmRuntimeException("expected shared memory");
  }

  @Override
  public int notify(int address, int maxThreads) {
    check(address, 4);
    return 0; // nobody can wait on an unshared memory
  }

  @Override
  public void initialize(Instance instance, DataSegment[] dataSegments) {
    initialize(instance, dataSegments, 0);
  }

  @Override
  public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
    if (dataSegments == null) {
      return;
    }
    this.segments = dataSegments;
    for (DataSegment s : dataSegments) {
      if (s instanceof ActiveDataSegment a) {
        if (a.index() != memoryIndex) {
          continue;
        }
        int offset = (int) ConstantEvaluators.computeConstantValue(instance, a.offsetInstructions())[0];
        write(offset, a.data(), 0, a.data().length);
      } else if (!(s instanceof PassiveDataSegment)) {
        throw new WasmRuntimeException("data segment of an unknown kind: " + s);
      }
    }
  }

  @Override
  public void initPassiveSegment(int segment, int destination, int offset, int size) {
    byte[] data = segments[segment].data();
    if (offset < 0 || size < 0 || offset > data.length - size) {
      throw outOfBounds(offset, size);
    }
    write(destination, data, offset, size);
  }

  @Override
  public void write(int address, byte[] data, int offset, int size) {
    check(address, size);
    System.arraycopy(data, offset, bytes, address, size);
  }

  @Override
  public byte read(int address) {
    try {
      return bytes[address];
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 1);
    }
  }

  @Override
  public byte[] readBytes(int address, int size) {
    check(address, size);
    return Arrays.copyOfRange(bytes, address, address + size);
  }

  @Override
  public void writeI32(int address, int value) {
    try {
      INT.set(bytes, address, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 4);
    }
  }

  @Override
  public int readInt(int address) {
    try {
      return (int) INT.get(bytes, address);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 4);
    }
  }

  @Override
  public void writeLong(int address, long value) {
    try {
      LONG.set(bytes, address, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 8);
    }
  }

  @Override
  public long readLong(int address) {
    try {
      return (long) LONG.get(bytes, address);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 8);
    }
  }

  @Override
  public void writeShort(int address, short value) {
    try {
      SHORT.set(bytes, address, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 2);
    }
  }

  @Override
  public short readShort(int address) {
    try {
      return (short) SHORT.get(bytes, address);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 2);
    }
  }

  @Override
  public long readU16(int address) {
    return readShort(address) & 0xFFFFL;
  }

  @Override
  public void writeByte(int address, byte value) {
    try {
      bytes[address] = value;
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 1);
    }
  }

  @Override
  public void writeF32(int address, float value) {
    try {
      FLOAT.set(bytes, address, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 4);
    }
  }

  @Override
  public long readF32(int address) {
    return readInt(address);
  }

  @Override
  public float readFloat(int address) {
    try {
      return (float) FLOAT.get(bytes, address);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 4);
    }
  }

  @Override
  public void writeF64(int address, double value) {
    try {
      DOUBLE.set(bytes, address, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 8);
    }
  }

  @Override
  public double readDouble(int address) {
    try {
      return (double) DOUBLE.get(bytes, address);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, 8);
    }
  }

  @Override
  public long readF64(int address) {
    return readLong(address);
  }

  @Override
  public void zero() {
    Arrays.fill(bytes, (byte) 0);
  }

  /** Sets {@code [from, to)} to {@code value}. */
  @Override
  public void fill(byte value, int from, int to) {
    check(from, to - from);
    Arrays.fill(bytes, from, to, value);
  }

  @Override
  public void copy(int destination, int source, int size) {
    check(source, size);
    check(destination, size);
    System.arraycopy(bytes, source, bytes, destination, size);
  }

  @Override
  public void drop(int segment) {
    segments[segment] = PassiveDataSegment.EMPTY;
  }
}
