package dev.verdict.service.api;

import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;

/** Reading request bodies with Verdict's parser (exact numbers), in OPA's error shape when bad. */
final class Requests {

  private Requests() {}

  /** The body as one JSON document, or null when it is empty. */
  static Value json(byte[] body) {
    if (isBlank(body)) {
      return null;
    }
    try {
      return Json.parse(body);
    } catch (Json.JsonException | IllegalArgumentException e) {
      throw ApiException.badRequest("body contains malformed JSON: " + e.getMessage());
    }
  }

  private static boolean isBlank(byte[] body) {
    if (body != null) {
      for (byte b : body) {
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          return false;
        }
      }
    }
    return true;
  }

  /** A body of the form {@code {"input": …}}; an empty body or one without input has no input. */
  static Value input(Value body) {
    if (body == null) {
      return null;
    }
    if (!(body instanceof ObjectValue o)) {
      throw ApiException.badRequest("body must be an object with an input field, not " + body.typeName());
    }
    return o.get("input");
  }
}
