package dev.verdict.sandbox.limits;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces deadlines: at the deadline it marks the run expired and interrupts the guest thread,
 * then interrupts again every {@value #REPEAT_MS} ms until the run ends, because a WASI call can
 * swallow one interrupt. Each run has its own timer (no shared epoch shortening other runs).
 */
@ApplicationScoped
public class Watchdog {

  static final long REPEAT_MS = 5;

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sandbox-watchdog");
    t.setDaemon(true);
    return t;
  });

  /** Starts watching the calling thread; close the watch when the run ends, on that thread. */
  public Watch watch(long timeoutMs) {
    Watch w = new Watch(Thread.currentThread());
    w.schedule(timeoutMs);
    return w;
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }

  /** One run's deadline. */
  public final class Watch implements AutoCloseable {

    private final Thread guest;
    private volatile boolean expired;
    private boolean closed;
    private ScheduledFuture<?> next;

    private Watch(Thread guest) {
      this.guest = guest;
    }

    public boolean expired() {
      return expired;
    }

    /** Ends the run from host code (host functions, the interpreter's listener) once expired. */
    public void check() {
      if (expired) {
        throw new ChicoryInterruptedException("deadline exceeded");
      }
    }

    private synchronized void schedule(long delayMs) {
      if (!closed) {
        next = timer.schedule(this::fire, delayMs, TimeUnit.MILLISECONDS);
      }
    }

    private synchronized void fire() {
      if (!closed) {
        expired = true;
        guest.interrupt();
        schedule(REPEAT_MS);
      }
    }

    /** Stops interrupting and clears an interrupt that landed after the guest finished. */
    @Override
    public void close() {
      synchronized (this) {
        closed = true;
        if (next != null) {
          next.cancel(false);
        }
      }
      Thread.interrupted();
    }
  }
}
