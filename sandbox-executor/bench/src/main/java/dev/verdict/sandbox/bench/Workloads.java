package dev.verdict.sandbox.bench;

import dev.verdict.sandbox.limits.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The C workloads of Figure 1, sized so that one run takes 50–200 ms in Node: their arguments and
 * the output each must print, computed here in Java. {@link PairedBench} passes the same arguments
 * to Node and checks Node's output against the same line.
 */
public final class Workloads {

  /** What a run may use: far more than the workloads need, so no limit ends them. */
  static final Limits LIMITS = new Limits(1L << 60, 60_000, 1_024, 1 << 20);

  /** A guest's arguments and its expected stdout. */
  record Workload(List<String> args, String expected) {}

  private Workloads() {}

  static Workload get(String guest) {
    return switch (guest) {
      // SHA-256 of a 1 MiB buffer, 8 rounds (the digest is written into the buffer between rounds)
      case "sha256" -> new Workload(List.of("1048576", "8"), sha256(1 << 20, 8) + "\n");
      // primes up to 1,000,000, sieved 20 times over
      case "sieve" -> new Workload(List.of("1000000", "20"), "78498\n");
      default -> throw new IllegalArgumentException("no workload " + guest);
    };
  }

  /** guests/c/NAME.wasm, as guests/build.sh compiled it into this jar. */
  static byte[] wasm(String guest) {
    try (InputStream in = Workloads.class.getResourceAsStream("/guests/c/" + guest + ".wasm")) {
      if (in == null) {
        throw new IllegalStateException("guests/c/" + guest + ".wasm is not in the jar: build it with -Pbench");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What sha256.c prints: byte i is (i * 2654435761 mod 2^32) >> 24; each later round hashes the digest in. */
  static String sha256(int bytes, int rounds) {
    byte[] buf = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      buf[i] = (byte) (((i * 2654435761L) & 0xFFFF_FFFFL) >>> 24);
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(buf);
      for (int r = 1; r < rounds; r++) {
        System.arraycopy(digest, 0, buf, 0, 32);
        digest = sha.digest(buf);
      }
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
