package dev.verdict.sandbox.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.jboss.logging.Logger;

/** One JSON line per execution, appended to a file or, without one, logged to {@code verdict.audit}. */
public final class AuditLog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger("verdict.audit");

  private final ObjectMapper json;
  private final Writer file;

  public AuditLog(ObjectMapper json, Optional<String> path) {
    this.json = json;
    this.file = path.map(AuditLog::open).orElse(null);
  }

  private static Writer open(String path) {
    try {
      Path p = Path.of(path);
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      return Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit file " + path, e);
    }
  }

  public void record(AuditRecord record) {
    String line;
    try {
      line = json.writeValueAsString(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (file == null) {
      LOG.info(line);
      return;
    }
    synchronized (this) {
      try {
        file.write(line);
        file.write('\n');
        file.flush();
      } catch (IOException e) {
        LOG.errorf("audit record not written (%s): %s", e.getMessage(), line);
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
