package dev.verdict.service;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Request helpers shared by the API tests. */
final class Api {

  static final String WRITER = "Bearer writer-secret";
  static final String OPS = "Bearer ops-secret";

  private Api() {}

  static RequestSpecification json(String body) {
    return given().contentType("application/json").body(body);
  }

  static RequestSpecification as(String authorization) {
    return given().header("Authorization", authorization);
  }

  /** Retries {@code assertion} until it passes, for at most 20 s (pollers and writer threads run on their own time). */
  static void eventually(Runnable assertion) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
