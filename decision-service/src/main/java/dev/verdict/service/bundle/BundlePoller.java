package dev.verdict.service.bundle;

import dev.verdict.error.RegoException;
import dev.verdict.load.LoadError;
import dev.verdict.load.LoadException;
import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.metrics.BundleMetrics;
import dev.verdict.service.store.Bundle;
import dev.verdict.service.store.PolicyStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Downloads each configured bundle on its interval with {@code If-None-Match}: 304 keeps what is
 * active, 200 reads the archive and activates it only if the whole new revision compiles. Any
 * failure keeps the previous revision serving and is reported in {@link #statuses()} and metrics;
 * the ETag only advances on success, so a fixed bundle published under any ETag is picked up.
 */
@Singleton
public class BundlePoller {

  private static final Logger LOG = Logger.getLogger(BundlePoller.class);

  private final Map<String, VerdictConfig.Bundle> configured;
  private final PolicyStore store;
  private final BundleMetrics metrics;
  private final Map<String, BundleStatus> statuses = new ConcurrentHashMap<>();
  private final Map<String, String> etags = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  private ScheduledExecutorService poller;

  public BundlePoller(VerdictConfig config, PolicyStore store, BundleMetrics metrics) {
    this.configured = new TreeMap<>(config.bundles());
    this.store = store;
    this.metrics = metrics;
  }

  void start(@Observes StartupEvent event) {
    if (configured.isEmpty()) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("verdict-bundle-poll").unstarted(r));
    configured.forEach((name, c) -> {
      statuses.put(name, BundleStatus.pending(name));
      metrics.watch(name, () -> !statuses.get(name).ok());
      poller.scheduleWithFixedDelay(() -> poll(name, c), 0, c.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    });
  }

  void stop(@Observes ShutdownEvent event) {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  /** Every configured bundle's status, by name. */
  public Map<String, BundleStatus> statuses() {
    return new TreeMap<>(statuses);
  }

  private void poll(String name, VerdictConfig.Bundle c) {
    Instant now = Instant.now();
    try {
      HttpResponse<byte[]> r = http.send(request(name, c), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() == 304) {
        statuses.compute(name, (n, s) -> s.notModified(now));
        metrics.request(name, "not_modified");
        return;
      }
      if (r.statusCode() != 200) {
        throw new BundleException("bundle server answered " + r.statusCode());
      }
      if (r.body().length > c.maxSize().asLongValue()) {
        throw new BundleException("bundle is larger than " + c.maxSize().asLongValue() + " bytes");
      }
      Bundle b = BundleReader.read(name, TarGz.read(r.body(), c.maxSize().asLongValue()));
      store.activateBundle(b);
      r.headers().firstValue("ETag").ifPresentOrElse(e -> etags.put(name, e), () -> etags.remove(name));
      statuses.compute(name, (n, s) -> s.activatedNow(now, b.revision()));
      metrics.request(name, "activated");
      LOG.infof("bundle %s: activated revision '%s'", name, b.revision());
    } catch (BundleException e) {
      fail(name, now, List.of(e.getMessage()));
    } catch (LoadException e) {
      fail(name, now, e.errors().stream().map(LoadError::toString).toList());
    } catch (RegoException e) {
      fail(name, now, e.errors().stream().map(Object::toString).toList());
    } catch (IOException e) {
      fail(name, now, List.of("download failed: " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The poller must survive anything one round throws, or polling stops for good.
      LOG.error("bundle " + name + ": poll failed", e);
      fail(name, now, List.of("internal error: " + e));
    }
  }

  private HttpRequest request(String name, VerdictConfig.Bundle c) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(c.url())).timeout(c.timeout()).GET();
    String etag = etags.get(name);
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    c.token().ifPresent(t -> b.header("Authorization", "Bearer " + t));
    return b.build();
  }

  private void fail(String name, Instant now, List<String> errors) {
    statuses.compute(name, (n, s) -> s.failed(now, errors));
    metrics.request(name, "failed");
    LOG.warnf("bundle %s: not activated, previous revision keeps serving: %s", name, errors);
  }
}
