package dev.verdict.sandbox.engine;

import java.io.ByteArrayOutputStream;

/**
 * A built-in guest the executor runs at start, on a background thread, so that the JIT has compiled
 * the upload path (parse, validate, instrument) and the interpreter before the first real module
 * needs them: a large module's first runs are interpreted while it compiles, and a cold interpreter
 * runs them about ten times slower. No I/O, no imports; {@code _start} loops {@code iterations}
 * times over arithmetic, locals, memory, {@code if}/{@code else}, {@code br_if} and a call, in each
 * of {@code functions} functions.
 */
public final class WarmUp {

  private WarmUp() {}

  public static byte[] module(int functions, int iterations) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
    // types: 0 = (i32, i32) -> i32 (mix), 1 = () -> () (the loops and _start)
    section(m, 1, bytes(0x02, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x00, 0x00));
    // functions: mix, loop 1..functions, _start
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    uleb(f, functions + 2);
    f.write(0);
    for (int i = 0; i <= functions; i++) {
      f.write(1);
    }
    section(m, 3, f.toByteArray());
    section(m, 5, bytes(0x01, 0x00, 0x01)); // one memory, 1 page
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    e.write(1);
    e.write(6);
    e.writeBytes("_start".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    e.write(0);
    uleb(e, functions + 1);
    section(m, 7, e.toByteArray());
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    uleb(code, functions + 2);
    // mix(p, q) = rotl(p, 5) + (q ^ p)
    body(code, bytes(0x00, 0x20, 0x00, 0x41, 0x05, 0x77, 0x20, 0x01, 0x20, 0x00, 0x73, 0x6a, 0x0b));
    for (int i = 0; i < functions; i++) {
      body(code, loop(69069 + 2 * i, iterations));
    }
    ByteArrayOutputStream start = new ByteArrayOutputStream();
    start.write(0); // no locals
    for (int i = 1; i <= functions; i++) {
      start.write(0x10);
      uleb(start, i);
    }
    start.write(0x0b);
    body(code, start.toByteArray());
    section(m, 10, code.toByteArray());
    return m.toByteArray();
  }

  /** Locals i, a (i32), w (i64); loop: a = a*k + i; w = (w + a) * 31; store w; a odd ? a |= 3 : a = mix(a, i); while ++i < n. */
  private static byte[] loop(int k, int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(bytes(0x02, 0x02, 0x7f, 0x01, 0x7e));
    b.writeBytes(bytes(0x03, 0x40)); // loop
    b.writeBytes(bytes(0x20, 0x01, 0x41));
    sleb(b, k);
    b.writeBytes(bytes(0x6c, 0x20, 0x00, 0x6a, 0x21, 0x01)); // a = a * k + i
    b.writeBytes(bytes(0x20, 0x02, 0x20, 0x01, 0xad, 0x7c, 0x42, 0x1f, 0x7e, 0x21, 0x02)); // w = (w + a) * 31
    b.writeBytes(bytes(0x41, 0xc0, 0x00, 0x20, 0x02, 0x37, 0x03, 0x00)); // store w at 64
    b.writeBytes(bytes(0x20, 0x01, 0x41, 0x01, 0x71, 0x04, 0x40)); // if a & 1
    b.writeBytes(bytes(0x20, 0x01, 0x41, 0x03, 0x72, 0x21, 0x01)); // a |= 3
    b.writeBytes(bytes(0x05, 0x20, 0x01, 0x20, 0x00, 0x10, 0x00, 0x21, 0x01, 0x0b)); // else a = mix(a, i)
    b.writeBytes(bytes(0x20, 0x00, 0x41, 0x01, 0x6a, 0x22, 0x00, 0x41)); // i = i + 1 < n
    sleb(b, n);
    b.writeBytes(bytes(0x49, 0x0d, 0x00, 0x0b, 0x0b)); // br_if; end loop; end
    return b.toByteArray();
  }

  private static void body(ByteArrayOutputStream code, byte[] body) {
    uleb(code, body.length);
    code.writeBytes(body);
  }

  private static void section(ByteArrayOutputStream m, int id, byte[] content) {
    m.write(id);
    uleb(m, content.length);
    m.writeBytes(content);
  }

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static void uleb(ByteArrayOutputStream out, long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }

  private static void sleb(ByteArrayOutputStream out, long v) {
    while (true) {
      int b = (int) (v & 0x7f);
      v >>= 7;
      if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
        out.write(b);
        return;
      }
      out.write(b | 0x80);
    }
  }
}
