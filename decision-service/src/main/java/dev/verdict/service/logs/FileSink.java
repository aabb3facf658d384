package dev.verdict.service.logs;

import dev.verdict.service.metrics.LogMetrics;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jboss.logging.Logger;

/**
 * JSON lines appended to a file, rotated by size: {@code path} moves to {@code path.1}, older files
 * shift up, and the oldest beyond {@code maxFiles} is deleted. Writes are buffered and flushed when
 * the writer's queue runs empty, so a burst costs few system calls and a quiet log is current.
 */
final class FileSink implements LogSink {

  private static final Logger LOG = Logger.getLogger(FileSink.class);

  private final Path path;
  private final long maxSize;
  private final int maxFiles;
  private final LogMetrics metrics;
  private OutputStream out;
  private long size;

  FileSink(Path path, long maxSize, int maxFiles, LogMetrics metrics) throws IOException {
    this.path = path;
    this.maxSize = maxSize;
    this.maxFiles = maxFiles;
    this.metrics = metrics;
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    open();
  }

  @Override
  public void write(byte[] json) {
    try {
      if (size > 0 && size + json.length + 1 > maxSize) {
        rotate();
      }
      out.write(json);
      out.write('\n');
      size += json.length + 1;
      metrics.written(LogMetrics.FILE);
    } catch (IOException e) {
      metrics.dropped(LogMetrics.FILE);
      LOG.warnf("decision log file %s: event dropped: %s", path, e.getMessage());
    }
  }

  @Override
  public void flush() {
    quietly(out::flush, "flush");
  }

  @Override
  public void close() {
    quietly(out::close, "close");
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private void quietly(IoAction action, String what) {
    try {
      action.run();
    } catch (IOException e) {
      LOG.warnf("decision log file %s: %s failed: %s", path, what, e.getMessage());
    }
  }

  private void rotate() throws IOException {
    out.close();
    for (int i = maxFiles - 1; i >= 1; i--) {
      Path older = numbered(i);
      if (Files.exists(older)) {
        Files.move(older, numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (maxFiles > 0) {
      Files.move(path, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.delete(path);
    }
    open();
  }

  private Path numbered(int i) {
    return path.resolveSibling(path.getFileName() + "." + i);
  }

  private void open() throws IOException {
    out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 64 * 1024);
    size = Files.size(path);
  }
}
