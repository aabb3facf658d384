package dev.verdict.sandbox.decision;

import java.time.Duration;

/**
 * Opens after {@code threshold} consecutive failures and then refuses calls for {@code openFor},
 * so that a dead decision service costs callers nothing; after that one failure re-opens it.
 */
final class CircuitBreaker {

  private final int threshold;
  private final long openForNanos;
  private int failures;
  private long openUntil;
  private boolean tripped;

  CircuitBreaker(int threshold, Duration openFor) {
    this.threshold = threshold;
    this.openForNanos = openFor.toNanos();
  }

  synchronized boolean allows() {
    return !tripped || System.nanoTime() - openUntil >= 0;
  }

  synchronized void success() {
    failures = 0;
    tripped = false;
  }

  synchronized void failure() {
    failures++;
    if (failures >= threshold || tripped) {
      tripped = true;
      openUntil = System.nanoTime() + openForNanos;
    }
  }
}
