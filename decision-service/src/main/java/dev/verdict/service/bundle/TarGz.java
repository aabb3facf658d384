package dev.verdict.service.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzipped tar (ustar, with PAX and GNU long names as Go's archive/tar
 * and GNU tar write them). Small on purpose: bundles need names and contents, nothing else.
 * Header checksums are verified, and the uncompressed size is capped against gzip bombs.
 */
final class TarGz {

  private static final int BLOCK = 512;

  private TarGz() {}

  /** File contents by normalised path ({@code a/b/data.json}, no leading {@code /} or {@code ./}). */
  static Map<String, byte[]> read(byte[] archive, long maxSize) throws BundleException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
      long total = 0;
      String longName = null;
      byte[] header = new byte[BLOCK];
      while (readFully(in, header)) {
        if (isZero(header)) {
          break;
        }
        verifyChecksum(header);
        long size = octal(header, 124, 12);
        total += size;
        if (total > maxSize) {
          throw new BundleException("bundle is larger than " + maxSize + " bytes uncompressed");
        }
        byte[] body = in.readNBytes(Math.toIntExact(size));
        if (body.length != size) {
          throw new BundleException("bundle archive is truncated");
        }
        in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
        byte type = header[156];
        switch (type) {
          case 'L' -> longName = text(body, 0, body.length);
          case 'x' -> longName = paxPath(body);
          case '0', 0 -> {
            String name = longName != null ? longName : name(header);
            files.put(normalise(name), body);
            longName = null;
          }
          default -> longName = null; // directories, links, global headers: nothing a bundle needs
        }
      }
    } catch (IOException | ArithmeticException e) {
      throw new BundleException("bundle is not a valid tar.gz archive: " + e.getMessage());
    }
    return files;
  }

  private static boolean readFully(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new IOException("truncated tar header");
    }
    return true;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static void verifyChecksum(byte[] h) throws IOException {
    long want = octal(h, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    }
    if (sum != want) {
      throw new IOException("tar header checksum mismatch");
    }
  }

  /** ustar name with its prefix field. */
  private static String name(byte[] h) {
    String name = text(h, 0, 100);
    boolean ustar = text(h, 257, 5).equals("ustar");
    String prefix = ustar ? text(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** The {@code path} record of a PAX header ({@code "LEN path=VALUE\n"} records), or null. */
  private static String paxPath(byte[] body) {
    for (String record : new String(body, StandardCharsets.UTF_8).split("\n")) {
      int eq = record.indexOf('=');
      int sp = record.indexOf(' ');
      if (sp > 0 && eq > sp && record.substring(sp + 1, eq).equals("path")) {
        return record.substring(eq + 1);
      }
    }
    return null;
  }

  private static String normalise(String name) {
    String n = name;
    while (n.startsWith("/") || n.startsWith("./")) {
      n = n.substring(n.startsWith("/") ? 1 : 2);
    }
    return n;
  }

  private static String text(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len) throws IOException {
    String s = text(b, off, len).trim();
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new IOException("bad number in tar header: " + s);
    }
  }
}
