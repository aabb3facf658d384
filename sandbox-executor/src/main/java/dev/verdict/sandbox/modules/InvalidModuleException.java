package dev.verdict.sandbox.modules;

/** A module refused at upload: 400 naming the problem, or 413 when too large. */
public final class InvalidModuleException extends RuntimeException {

  private final int status;

  public InvalidModuleException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static InvalidModuleException bad(String message) {
    return new InvalidModuleException(400, message);
  }

  public int status() {
    return status;
  }
}
