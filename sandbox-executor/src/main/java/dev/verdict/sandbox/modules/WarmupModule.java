package dev.verdict.sandbox.modules;

import dev.verdict.sandbox.binary.Leb;
import dev.verdict.sandbox.binary.Sections;
import dev.verdict.sandbox.binary.Sections.Section;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A generated WASI command of many small functions, the shape of compiled code: locals, i32 and
 * i64 arithmetic, loads and stores, a global, if/else, a loop, br_if, br_table, select, a call
 * through a table; and one function touring every common operator. {@code _start} calls each
 * function once through group functions (each a small
 * JVM method once compiled), grows memory by 0 pages and writes one line with {@code fd_write}.
 * {@link ModuleWarmup} pushes it through the upload pipeline at start-up, so that the parser,
 * validator, instrumenter, compiler and interpreter meet their first large module before any
 * upload does, with JIT profiles from the opcodes real modules use.
 */
final class WarmupModule {

  private static final int FUNCTIONS_PER_GROUP = 50;
  // type indices
  private static final int FD_WRITE_TYPE = 0;
  private static final int UNARY_TYPE = 1; // (i32) -> i32: the generated functions and the groups
  private static final int START_TYPE = 2;
  private static final int MIX_TYPE = 3; // (i32 i32) -> i32
  // function indices: the import, then mix, tour, the generated functions, the groups, _start
  private static final int FD_WRITE = 0;
  private static final int MIX = 1;
  private static final int TOUR = 2;
  private static final int FIRST_GENERATED = 3;
  // tour's locals: 0 the parameter, then one of each number type
  private static final int I32 = 1;
  private static final int I64 = 2;
  private static final int F32 = 3;
  private static final int F64 = 4;
  /** Operators of two operands of one type (those of tour's local {@code [0]}): {@code [1..]}. */
  private static final int[][] BINARY = {
      {I32, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70, 0x71,
          0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78},
      {I64, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x7C, 0x7D, 0x7E, 0x7F, 0x80, 0x81, 0x82, 0x83,
          0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A},
      {F32, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, 0x60, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98},
      {F64, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6}};
  /** Operators of one operand, conversions included, by the type they read. */
  private static final int[][] UNARY = {
      {I32, 0x45, 0x67, 0x68, 0x69, 0xAC, 0xAD, 0xB2, 0xB3, 0xB7, 0xB8, 0xBE, 0xC0, 0xC1},
      {I64, 0x50, 0x79, 0x7A, 0x7B, 0xA7, 0xB4, 0xB5, 0xB9, 0xBA, 0xBF, 0xC2, 0xC3, 0xC4},
      {F32, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x91, 0xA8, 0xA9, 0xAE, 0xAF, 0xBB, 0xBC},
      {F64, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xAA, 0xAB, 0xB0, 0xB1, 0xB6, 0xBD}};
  /** Loads: opcode and alignment. */
  private static final int[][] LOADS = {{0x28, 2}, {0x29, 3}, {0x2A, 2}, {0x2B, 3}, {0x2C, 0}, {0x2D, 0}, {0x2E, 1},
      {0x2F, 1}, {0x30, 0}, {0x31, 0}, {0x32, 1}, {0x33, 1}, {0x34, 2}, {0x35, 2}};
  /** Stores: opcode, alignment, the local stored. */
  private static final int[][] STORES = {{0x36, 2, I32}, {0x37, 3, I64}, {0x38, 2, F32}, {0x39, 3, F64}, {0x3A, 0, I32},
      {0x3B, 1, I32}, {0x3C, 0, I64}, {0x3D, 1, I64}, {0x3E, 2, I64}};
  /** The saturating truncations (0xFC 0-7), by the local each reads. */
  private static final int[] SATURATING = {F32, F32, F64, F64, F32, F32, F64, F64};

  private WarmupModule() {}

  /** {@code functions} generated functions, constants drawn from {@code seed}. */
  static byte[] generate(int functions, long seed) {
    Random rng = new Random(seed);
    int groups = (functions + FUNCTIONS_PER_GROUP - 1) / FUNCTIONS_PER_GROUP;
    int firstGroup = FIRST_GENERATED + functions;
    int start = firstGroup + groups;
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    Leb.u32(code, 2 + functions + groups + 1);
    body(code, mix());
    body(code, tour());
    for (int i = 0; i < functions; i++) {
      body(code, function(rng));
    }
    for (int g = 0; g < groups; g++) {
      body(code, group(FIRST_GENERATED + g * FUNCTIONS_PER_GROUP,
          FIRST_GENERATED + Math.min(functions, (g + 1) * FUNCTIONS_PER_GROUP)));
    }
    body(code, start(firstGroup, groups, rng.nextInt()));
    return Sections.join(List.of(
        section(Sections.TYPE, types()),
        section(Sections.IMPORT, imports()),
        section(Sections.FUNCTION, functionTypes(functions, groups)),
        section(Sections.TABLE, bytes(1, 0x70, 0x01, 1, 1)), // one funcref table of exactly 1
        section(Sections.MEMORY, bytes(1, 0x00, 1)), // one memory of 1 page
        section(Sections.GLOBAL, bytes(1, 0x7F, 0x01, 0x41, 0x80, 0x08, 0x0B)), // (mut i32) (i32.const 1024)
        section(Sections.EXPORT, exports(start)),
        section(Sections.ELEMENT, bytes(1, 0x00, 0x41, 0x00, 0x0B, 1, MIX)), // table[0] = mix
        section(Sections.CODE, code.toByteArray()),
        section(Sections.DATA, data())));
  }

  private static Section section(int id, byte[] payload) {
    return new Section(id, payload, -1);
  }

  private static byte[] types() {
    Asm t = new Asm();
    t.u32(4);
    t.op(0x60, 4, 0x7F, 0x7F, 0x7F, 0x7F, 1, 0x7F); // fd_write
    t.op(0x60, 1, 0x7F, 1, 0x7F);
    t.op(0x60, 0, 0);
    t.op(0x60, 2, 0x7F, 0x7F, 1, 0x7F);
    return t.bytes();
  }

  private static byte[] imports() {
    Asm i = new Asm();
    i.u32(1);
    i.name("wasi_snapshot_preview1");
    i.name("fd_write");
    i.op(0x00, FD_WRITE_TYPE);
    return i.bytes();
  }

  private static byte[] functionTypes(int functions, int groups) {
    Asm f = new Asm();
    f.u32(2 + functions + groups + 1);
    f.op(MIX_TYPE, UNARY_TYPE);
    for (int i = 0; i < functions + groups; i++) {
      f.op(UNARY_TYPE);
    }
    f.op(START_TYPE);
    return f.bytes();
  }

  private static byte[] exports(int start) {
    Asm e = new Asm();
    e.u32(2);
    e.name("_start");
    e.op(0x00);
    e.u32(start);
    e.name("memory");
    e.op(0x02, 0);
    return e.bytes();
  }

  /** "warm ok\n" at 16. */
  private static byte[] data() {
    Asm d = new Asm();
    d.op(1, 0x00, 0x41, 16, 0x0B);
    byte[] text = "warm ok\n".getBytes(StandardCharsets.US_ASCII);
    d.u32(text.length);
    d.out.writeBytes(text);
    return d.bytes();
  }

  private static void body(ByteArrayOutputStream code, byte[] body) {
    Leb.u32(code, body.length);
    code.writeBytes(body);
  }

  /** {@code (p rotl 5) + (q xor p)}. */
  private static byte[] mix() {
    Asm f = new Asm();
    f.op(0);
    f.op(0x20, 0, 0x41, 5, 0x77, 0x20, 1, 0x20, 0, 0x73, 0x6A, 0x0B);
    return f.bytes();
  }

  /**
   * Every numeric operator of the four number types, every load and store, the saturating
   * truncations, memory.size, memory.fill and memory.copy, block with a result, br, nop, return:
   * one run of it shows the JIT each case of the interpreter's and validator's opcode switches
   * that real modules reach (a case never seen is compiled out, and the first module to reach it
   * throws the compiled method away). No operand traps: divisors are odd, floats are 7.5.
   */
  private static byte[] tour() {
    Asm f = new Asm();
    f.op(4, 1, 0x7F, 1, 0x7E, 1, 0x7D, 1, 0x7C);
    f.op(0x20, 0, 0x41, 1, 0x72, 0x21, I32); // a = x | 1
    f.op(0x20, I32, 0xAD, 0x21, I64); // b = extend_u(a)
    f.op(0x43, 0x00, 0x00, 0xF0, 0x40, 0x21, F32); // c = 7.5f
    f.op(0x44, 0, 0, 0, 0, 0, 0, 0x1E, 0x40, 0x21, F64); // d = 7.5
    for (int[] ops : BINARY) {
      for (int i = 1; i < ops.length; i++) {
        f.op(0x20, ops[0], 0x20, ops[0], ops[i], 0x1A);
      }
    }
    for (int[] ops : UNARY) {
      for (int i = 1; i < ops.length; i++) {
        f.op(0x20, ops[0], ops[i], 0x1A);
      }
    }
    for (int[] load : LOADS) {
      f.op(0x41, 0x80, 0x02, load[0], load[1], 0, 0x1A); // load from 256, dropped
    }
    for (int[] store : STORES) {
      f.op(0x41, 0x80, 0x02, 0x20, store[2], store[0], store[1], 0); // store at 256
    }
    for (int i = 0; i < SATURATING.length; i++) {
      f.op(0x20, SATURATING[i], 0xFC, i, 0x1A);
    }
    f.op(0x3F, 0, 0x1A); // drop (memory.size)
    f.op(0x41, 0x80, 0x04, 0x41, 0, 0x41, 16, 0xFC, 0x0B, 0); // memory.fill 512, 0, 16
    f.op(0x41, 0x80, 0x04, 0x41, 0x80, 0x02, 0x41, 16, 0xFC, 0x0A, 0, 0); // memory.copy 512 <- 256, 16
    f.op(0x02, 0x7F, 0x41, 1, 0x0C, 0, 0x0B, 0x1A, 0x01); // drop (block (result i32) (br 0 (i32.const 1))); nop
    f.op(0x23, 0, 0x24, 0); // global = global
    f.op(0x20, I32, 0x0F, 0x0B); // return a
    return f.bytes();
  }

  /**
   * {@code (param $x i32) (result i32) (local $a $b $n i32) (local $w i64)}: mixes $x through a
   * two-pass loop into $a, $b and $w and a memory word, then calls mix through the table.
   */
  private static byte[] function(Random rng) {
    int addr = 64 + 8 * rng.nextInt(1000);
    Asm f = new Asm();
    f.op(2, 3, 0x7F, 1, 0x7E); // locals 1-3 i32, 4 i64
    f.op(0x20, 0).i32(rng.nextInt()).op(0x73, 0x21, 1); // a = x ^ k
    f.op(0x20, 0).i32(rng.nextInt()).op(0x6A, 0x21, 2); // b = x + k
    f.op(0x20, 1, 0xAD, 0x21, 4); // w = extend_u(a)
    f.op(0x03, 0x40); // loop
    f.op(0x20, 1).i32(rng.nextInt()).op(0x6C, 0x20, 2).i32(1 + rng.nextInt(30)).op(0x77, 0x6A, 0x21, 1); // a = a*k + rotl(b, r)
    f.op(0x20, 2).i32(1 + rng.nextInt(30)).op(0x76, 0x20, 1).i32(rng.nextInt()).op(0x6B, 0x73, 0x21, 2); // b = (b >>u r) ^ (a - k)
    f.op(0x20, 4).i64(rng.nextLong()).op(0x7E, 0x20, 2, 0xAD, 0x7C, 0x21, 4); // w = w*k + extend_u(b)
    f.op(0x20, 1, 0x41, 2, 0x71, 0x04, 0x40); // if (a & 2)
    f.op(0x20, 1).i32(rng.nextInt()).op(0x72, 0x21, 1); // a |= k
    f.op(0x05); // else
    f.op(0x20, 2).i32(rng.nextInt() | 0xFF).op(0x71, 0x21, 2); // b &= k
    f.op(0x0B);
    f.op(0x02, 0x40, 0x02, 0x40, 0x20, 3, 0x0E, 1, 0, 1, 0x0B); // block block br_table[n] (0: first pass; else: skip) end
    f.op(0x23, 0).i32(addr).op(0x6A, 0x20, 4, 0x37, 3, 0); // i64.store (g + addr) w
    f.op(0x0B); // end block
    f.op(0x20, 1, 0x20, 2, 0x20, 3, 0x1B, 0x21, 2); // b = select(a, b, n)
    f.i32(addr).op(0x20, 4).i32(addr & 0xFF).op(0x28, 2, 0, 0xAD, 0x85, 0x37, 3, 0); // mem[addr] = w ^ extend_u(mem32[addr & 255])
    f.op(0x20, 3, 0x41, 1, 0x6A, 0x22, 3, 0x41, 2, 0x49, 0x0D, 0); // br_if (++n < 2)
    f.op(0x0B); // end loop
    f.op(0x20, 1, 0x20, 4, 0xA7, 0x6A).i32(rng.nextInt()).op(0x41, 0, 0x11, MIX_TYPE, 0); // call_indirect mix(a + wrap(w), k)
    f.op(0x0B);
    return f.bytes();
  }

  /** {@code x = f(x)} for each function in {@code [from, to)}, returning x. */
  private static byte[] group(int from, int to) {
    Asm f = new Asm();
    f.op(0);
    for (int i = from; i < to; i++) {
      f.op(0x20, 0, 0x10).u32(i);
      f.op(0x21, 0);
    }
    f.op(0x20, 0, 0x0B);
    return f.bytes();
  }

  /** Every group in turn, {@code memory.grow 0}, then fd_write of the line at 16 to stdout. */
  private static byte[] start(int firstGroup, int groups, int seed) {
    Asm f = new Asm();
    f.op(1, 1, 0x7F);
    f.i32(seed).op(0x10, TOUR, 0x21, 0);
    for (int g = 0; g < groups; g++) {
      f.op(0x20, 0, 0x10).u32(firstGroup + g);
      f.op(0x21, 0);
    }
    f.op(0x41, 8, 0x20, 0, 0x36, 2, 0); // i32.store 8 x
    f.op(0x41, 0, 0x40, 0, 0x1A); // drop (memory.grow 0)
    f.op(0x41, 0, 0x41, 16, 0x36, 2, 0, 0x41, 4, 0x41, 8, 0x36, 2, 0); // iovec {16, 8} at 0
    f.op(0x41, 1, 0x41, 0, 0x41, 1, 0x41, 12, 0x10, FD_WRITE, 0x1A); // drop (fd_write 1 iovec 1 nwritten=12)
    f.op(0x0B);
    return f.bytes();
  }

  private static byte[] bytes(int... values) {
    return new Asm().op(values).bytes();
  }

  /** Appends raw bytes and LEB128 immediates. */
  private static final class Asm {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Asm op(int... values) {
      for (int v : values) {
        out.write(v);
      }
      return this;
    }

    Asm u32(long v) {
      Leb.u32(out, v);
      return this;
    }

    Asm i32(int v) {
      out.write(0x41);
      Leb.s64(out, v);
      return this;
    }

    Asm i64(long v) {
      out.write(0x42);
      Leb.s64(out, v);
      return this;
    }

    void name(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      u32(utf8.length);
      out.writeBytes(utf8);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
