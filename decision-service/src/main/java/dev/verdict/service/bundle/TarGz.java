package dev.verdict.service.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the regular files of a gzipped tar through Commons Compress (ustar, PAX and GNU long names,
 * as Go's archive/tar and GNU tar write them). Bundles need names and contents, nothing else; the
 * uncompressed size is capped against gzip bombs.
 */
final class TarGz {

  private TarGz() {}

  /** File contents by normalised path ({@code a/b/data.json}, no leading {@code /} or {@code ./}). */
  static Map<String, byte[]> read(byte[] archive, long maxSize) throws BundleException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
      long total = 0;
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        total += e.getSize();
        if (total > maxSize) {
          throw new BundleException("bundle is larger than " + maxSize + " bytes uncompressed");
        }
        if (!e.isFile()) {
          continue;
        }
        byte[] body = in.readNBytes(Math.toIntExact(e.getSize()));
        if (body.length != e.getSize()) {
          throw new BundleException("bundle archive is truncated");
        }
        files.put(normalise(e.getName()), body);
      }
    } catch (IOException | IllegalArgumentException | ArithmeticException e) {
      throw new BundleException("bundle is not a valid tar.gz archive: " + e.getMessage());
    }
    return files;
  }

  private static String normalise(String name) {
    String n = name;
    while (n.startsWith("/") || n.startsWith("./")) {
      n = n.substring(n.startsWith("/") ? 1 : 2);
    }
    return n;
  }
}
