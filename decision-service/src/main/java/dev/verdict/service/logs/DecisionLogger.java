package dev.verdict.service.logs;

import dev.verdict.PolicySet;
import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.metrics.LogMetrics;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import org.jboss.logging.Logger;

/**
 * Decision logging off the request path: {@link #log} only offers the event to a bounded queue
 * (a full queue drops it and counts the drop, it never waits). One writer thread asks the drop rule
 * about each event, masks it, turns it into JSON and hands it to the sinks: a rotating file and/or an
 * HTTP collector.
 */
@Singleton
public class DecisionLogger {

  private static final Logger LOG = Logger.getLogger(DecisionLogger.class);
  private static final int BATCH = 1024;
  private static final long IDLE_MILLIS = 10;
  private static final long FLUSH_EVERY_NANOS = 100_000_000;

  private final VerdictConfig.DecisionLogs config;
  private final LogMetrics metrics;
  private final ArrayBlockingQueue<DecisionEvent> queue;
  private final DropRule dropRule;
  private final EventMasker masker;
  private final ObjectValue labels;
  private final List<LogSink> sinks = new ArrayList<>();
  private volatile boolean enabled;
  private Thread writer;

  public DecisionLogger(VerdictConfig config, LogMetrics metrics) {
    this.config = config.decisionLogs();
    this.metrics = metrics;
    this.queue = new ArrayBlockingQueue<>(this.config.queueCapacity());
    this.dropRule = new DropRule(this.config.dropDecision());
    this.masker = new EventMasker(this.config.maskDecision());
    ObjectValue.Builder b = ObjectValue.builder()
        .put("id", StringValue.of(UUID.randomUUID().toString()))
        .put("version", StringValue.of(VerdictConfig.SERVER_VERSION));
    this.config.labels().forEach((k, v) -> b.put(k, StringValue.of(v)));
    this.labels = b.build();
  }

  void start(@Observes StartupEvent event) {
    VerdictConfig.DecisionLogs.File file = config.file();
    file.path().ifPresent(p -> {
      try {
        sinks.add(new FileSink(Path.of(p), file.maxSize().asLongValue(), file.maxFiles(), metrics));
      } catch (IOException e) {
        throw new UncheckedIOException("decision log file " + p + " cannot be opened", e);
      }
    });
    config.http().url().ifPresent(u -> sinks.add(new HttpSink(config.http(), u, metrics)));
    if (!sinks.isEmpty()) {
      writer = Thread.ofPlatform().daemon().name("verdict-decision-log").start(this::run);
      enabled = true;
    }
  }

  /** Writes what is queued (for a moment at most), then closes the sinks. */
  void stop(@Observes ShutdownEvent event) {
    if (writer == null) {
      return;
    }
    enabled = false;
    writer.interrupt();
    try {
      writer.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sinks.forEach(LogSink::close);
  }

  /** Queues an event; never blocks. */
  public void log(DecisionEvent event) {
    if (enabled && !queue.offer(event)) {
      metrics.dropped(LogMetrics.QUEUE);
    }
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * Drains the queue in batches and sleeps briefly when it is empty, rather than waiting on it:
   * a waiting consumer would be woken (and the file flushed) once per decision, which on a busy
   * core costs the request threads far more than the writing itself.
   */
  private void run() {
    List<DecisionEvent> batch = new ArrayList<>(BATCH);
    long lastFlush = System.nanoTime();
    boolean dirty = false;
    while (true) {
      queue.drainTo(batch, BATCH);
      batch.forEach(this::write);
      dirty |= !batch.isEmpty();
      boolean idle = batch.size() < BATCH;
      batch.clear();
      if (dirty && (idle || System.nanoTime() - lastFlush > FLUSH_EVERY_NANOS)) {
        sinks.forEach(LogSink::flush);
        lastFlush = System.nanoTime();
        dirty = false;
      }
      if (idle) {
        try {
          Thread.sleep(IDLE_MILLIS);
        } catch (InterruptedException stop) {
          queue.drainTo(batch);
          batch.forEach(this::write);
          sinks.forEach(LogSink::flush);
          return;
        }
      }
    }
  }

  private void write(DecisionEvent e) {
    try {
      byte[] json = json(e);
      if (json == null) {
        metrics.dropped(LogMetrics.DROP_RULE);
        return;
      }
      for (LogSink s : sinks) {
        s.write(json);
      }
    } catch (RuntimeException ex) {
      // One bad event must not stop the writer.
      metrics.dropped(LogMetrics.QUEUE);
      LOG.error("decision log event " + e.decisionId() + " not written", ex);
    }
  }

  /** The event's JSON after the drop and mask rules; null when the drop rule drops it. */
  private byte[] json(DecisionEvent e) {
    PolicySet policies = e.snapshot().policies();
    if (!dropRule.definedIn(policies) && !masker.definedIn(policies)) {
      return e.toJson(labels);
    }
    ObjectValue event = e.toValue(labels);
    if (dropRule.drops(event, policies)) {
      return null;
    }
    return Json.toJson(masker.mask(event, policies)).getBytes(StandardCharsets.UTF_8);
  }
}
