package dev.verdict.service.logs;

import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.metrics.LogMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;

/**
 * Uploads events to an OPA-compatible collector: batches of up to {@code batch-size} events, or
 * fewer after {@code flush-interval}, POSTed as a gzipped JSON array. A failed batch is retried
 * with exponential backoff (jittered, capped) on the uploader's own thread; meanwhile events wait
 * in a bounded buffer, and those that do not fit are dropped and counted: a dead collector never
 * slows the log writer, let alone a decision.
 */
final class HttpSink implements LogSink {

  private static final Logger LOG = Logger.getLogger(HttpSink.class);

  private final VerdictConfig.DecisionLogs.HttpSink config;
  private final URI url;
  private final LogMetrics metrics;
  private final ArrayBlockingQueue<byte[]> buffer;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread uploader;
  private volatile boolean closing;

  HttpSink(VerdictConfig.DecisionLogs.HttpSink config, String url, LogMetrics metrics) {
    this.config = config;
    this.url = URI.create(url);
    this.metrics = metrics;
    this.buffer = new ArrayBlockingQueue<>(config.bufferSize());
    this.uploader = Thread.ofPlatform().daemon().name("verdict-decision-log-upload").start(this::run);
  }

  @Override
  public void write(byte[] json) {
    if (!buffer.offer(json)) {
      metrics.dropped(LogMetrics.HTTP);
    }
  }

  @Override
  public void flush() {
    // Batches leave on the uploader's schedule.
  }

  @Override
  public void close() {
    closing = true;
    uploader.interrupt();
  }

  private void run() {
    try {
      while (!closing) {
        List<byte[]> batch = nextBatch();
        if (!batch.isEmpty()) {
          deliver(batch);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Up to batch-size events: waits for the first, then at most flush-interval for the rest. */
  private List<byte[]> nextBatch() throws InterruptedException {
    List<byte[]> batch = new ArrayList<>();
    long interval = config.flushInterval().toNanos();
    byte[] first = buffer.poll(interval, TimeUnit.NANOSECONDS);
    if (first == null) {
      return batch;
    }
    batch.add(first);
    long deadline = System.nanoTime() + interval;
    while (batch.size() < config.batchSize()) {
      buffer.drainTo(batch, config.batchSize() - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= config.batchSize() || left <= 0) {
        break;
      }
      byte[] next = buffer.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    return batch;
  }

  /** Sends until the collector takes the batch; backs off between attempts. */
  private void deliver(List<byte[]> batch) throws InterruptedException {
    byte[] body = gzip(batch);
    long backoff = config.minBackoff().toNanos();
    boolean failing = false;
    while (true) {
      String problem = post(body);
      if (problem == null) {
        metrics.written(LogMetrics.HTTP, batch.size());
        if (failing) {
          LOG.infof("decision log collector reachable again");
        }
        return;
      }
      if (!failing) {
        LOG.warnf("decision log upload failed, retrying with backoff: %s", problem);
        failing = true;
      }
      TimeUnit.NANOSECONDS.sleep(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
      backoff = Math.min(backoff * 2, config.maxBackoff().toNanos());
    }
  }

  /** Null when the collector accepted the batch, else what went wrong (never the token). */
  private String post(byte[] body) throws InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(url)
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    config.token().ifPresent(t -> b.header("Authorization", "Bearer " + t));
    try {
      int status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : "collector answered " + status;
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
  }

  private static byte[] gzip(List<byte[]> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write('[');
      for (int i = 0; i < events.size(); i++) {
        if (i > 0) {
          gz.write(',');
        }
        gz.write(events.get(i));
      }
      gz.write(']');
    } catch (IOException e) {
      throw new IllegalStateException("gzip to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }
}
