package dev.verdict.sandbox;

import com.dylibso.chicory.wabt.Wat2Wasm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guest binaries for the tests: WAT sources under resources/guests compiled in the JVM, C programs
 * under guests/c compiled by guests/build.sh (Maven runs it before the tests), or generated.
 */
public final class Guests {

  private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

  /** Where guests/build.sh puts the C guests when Maven runs it (tests run in the module directory). */
  private static final Path C_GUESTS = Path.of("target/guests/c");

  private Guests() {}

  /** guests/{name}.wat compiled. */
  public static byte[] wasm(String name) {
    return CACHE.computeIfAbsent(name, n -> Wat2Wasm.parse(source(n))).clone();
  }

  /** A WAT source compiled. */
  public static byte[] wat(String source) {
    return Wat2Wasm.parse(source);
  }

  /** guests/c/{name}.c as guests/build.sh compiled it (clang -O2, wasm32-wasi, wasi-libc). */
  public static byte[] c(String name) {
    Path wasm = C_GUESTS.resolve(name + ".wasm");
    if (!Files.exists(wasm)) {
      throw new IllegalStateException(wasm.toAbsolutePath() + " is missing: build the guests with "
          + "sandbox-executor/guests/build.sh (Maven runs it in generate-test-resources)");
    }
    try {
      return Files.readAllBytes(wasm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String source(String name) {
    try (InputStream in = Guests.class.getResourceAsStream("/guests/" + name + ".wat")) {
      if (in == null) {
        throw new IllegalArgumentException("no guest " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A function with {@code n} i64 locals, all written and summed. */
  public static byte[] manyLocals(int n) {
    StringBuilder wat = new StringBuilder("(module (func (export \"_start\")");
    wat.append(" (local");
    wat.append(" i64".repeat(n));
    wat.append(")");
    for (int i = 0; i < n; i++) {
      wat.append(" (local.set ").append(i).append(" (i64.const ").append(i).append("))");
    }
    wat.append(" (i64.const 0)");
    for (int i = 0; i < n; i++) {
      wat.append(" (local.get ").append(i).append(") (i64.add)");
    }
    wat.append(" (drop)))");
    return Wat2Wasm.parse(wat.toString());
  }
}
