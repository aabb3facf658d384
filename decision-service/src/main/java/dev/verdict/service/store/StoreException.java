package dev.verdict.service.store;

/** A write the store refuses; the API turns the kind into a status code. */
public final class StoreException extends RuntimeException {

  /** Why a write was refused. */
  public enum Kind {
    /** The policy or document does not exist. */
    NOT_FOUND,
    /** The write is malformed (bad patch, non-object parent). */
    INVALID,
    /** The policy belongs to the watched directory: change the file instead. */
    OWNED_BY_DIRECTORY
  }

  private final Kind kind;

  public StoreException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
