package dev.verdict.service.store;

import dev.verdict.service.config.VerdictConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads {@code verdict.policies.dir} at start-up, then polls it: when any file's name, size or
 * modification time changes, the directory is loaded again. Polling rather than a WatchService
 * because it needs no per-subdirectory registration and behaves the same on every file system.
 */
@Singleton
public class DirectoryWatcher {

  private static final Logger LOG = Logger.getLogger(DirectoryWatcher.class);

  private final VerdictConfig config;
  private final PolicyStore store;
  private ScheduledExecutorService poller;
  private List<String> fingerprint = List.of();

  public DirectoryWatcher(VerdictConfig config, PolicyStore store) {
    this.config = config;
    this.store = store;
  }

  void start(@Observes StartupEvent event) {
    config.policies().dir().ifPresent(dir -> {
      fingerprint = fingerprint(Path.of(dir));
      store.loadDirectory(dir);
      poller = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("verdict-policy-watch").unstarted(r));
      long every = config.policies().pollInterval().toMillis();
      poller.scheduleWithFixedDelay(() -> poll(dir), every, every, TimeUnit.MILLISECONDS);
    });
  }

  void stop(@Observes ShutdownEvent event) {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  private void poll(String dir) {
    try {
      List<String> now = fingerprint(Path.of(dir));
      if (!now.equals(fingerprint)) {
        fingerprint = now;
        store.loadDirectory(dir);
      }
    } catch (RuntimeException e) {
      // The poller must survive anything one round throws, or reloading stops for good.
      LOG.error("policy directory poll failed", e);
    }
  }

  /** Each regular file as path, size and modification time, in path order. */
  private static List<String> fingerprint(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().map(DirectoryWatcher::describe).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of("unreadable: " + e.getMessage());
    }
  }

  private static String describe(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return p + ":" + a.size() + ":" + a.lastModifiedTime().toInstant();
    } catch (IOException e) {
      return p + ": gone";
    }
  }
}
