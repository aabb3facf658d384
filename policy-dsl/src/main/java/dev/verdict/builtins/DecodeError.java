package dev.verdict.builtins;

/** Input a decoder (JSON, YAML, base64, hex, URL query) rejects, with the message Go gives. */
final class DecodeError extends RuntimeException {
  DecodeError(String message) {
    super(message, null, false, false);
  }
}
