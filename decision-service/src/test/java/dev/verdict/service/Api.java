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
}
