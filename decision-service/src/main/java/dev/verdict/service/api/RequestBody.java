package dev.verdict.service.api;

import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;

/**
 * A data API request body ({@code {"input": …}}), read as JSON only when something needs it: a body
 * answered before from the cache by its bytes is never parsed unless the decision log shows its
 * input. Belongs to one request on one thread.
 */
final class RequestBody {

  private static final StringValue INPUT = StringValue.of("input");

  private final byte[] bytes;
  private Value document;
  private boolean read;

  RequestBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The input, or null when the body is empty or has none. @throws ApiException on malformed JSON */
  Value input() {
    return Requests.input(document());
  }

  /** Whether the body is an object with an {@code input} member (else OPA's answer carries a warning). */
  boolean hasInput() {
    return document() instanceof ObjectValue o && o.containsKey(INPUT);
  }

  private Value document() {
    if (!read) {
      document = Requests.json(bytes);
      read = true;
    }
    return document;
  }
}
