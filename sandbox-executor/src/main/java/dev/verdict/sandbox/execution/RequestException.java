package dev.verdict.sandbox.execution;

/** A request the API refuses before any decision: unknown module (404), bad input (400), full queue (429). */
public final class RequestException extends RuntimeException {

  private final int status;
  private final String code;

  public RequestException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
