package dev.verdict.sandbox.limits;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of platform threads with a fixed stack size, so that deep guest recursion ends in
 * a StackOverflowError on that thread, and a bounded queue: a full queue is {@link QueueFullException}.
 */
public final class WorkerPool implements AutoCloseable {

  private final ThreadPoolExecutor executor;

  public WorkerPool(int workers, int queue, long stackBytes) {
    AtomicInteger n = new AtomicInteger();
    executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
        queue > 0 ? new ArrayBlockingQueue<>(queue) : new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(null, r, "sandbox-worker-" + n.incrementAndGet(), stackBytes);
          t.setDaemon(true);
          return t;
        });
  }

  public <T> Future<T> submit(Callable<T> task) {
    try {
      return executor.submit(task);
    } catch (RejectedExecutionException e) {
      throw new QueueFullException();
    }
  }

  /**
   * Runs {@code task} on a worker; the answer completes on that worker with the task's value or
   * exception. After {@code timeoutMs} from now, a task still queued or running is cancelled (its
   * worker interrupted) and the answer fails with {@link TimeoutException}.
   */
  public <T> CompletableFuture<T> submit(Callable<T> task, long timeoutMs) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    FutureTask<T> run = new FutureTask<>(task) {
      @Override
      protected void done() {
        if (isCancelled()) {
          answer.completeExceptionally(new TimeoutException());
          return;
        }
        try {
          answer.complete(get());
        } catch (ExecutionException e) {
          answer.completeExceptionally(e.getCause());
        } catch (InterruptedException e) {
          answer.completeExceptionally(e);
        }
      }
    };
    try {
      executor.execute(run);
    } catch (RejectedExecutionException e) {
      throw new QueueFullException();
    }
    answer.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).whenComplete((v, e) -> {
      if (e instanceof TimeoutException) {
        run.cancel(true);
      }
    });
    return answer;
  }

  public int queueDepth() {
    return executor.getQueue().size();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** Every worker is busy and the queue is full. */
  public static final class QueueFullException extends RuntimeException {
    QueueFullException() {
      super("all sandbox workers are busy and the queue is full", null, false, false);
    }
  }
}
