package dev.verdict.service.auth;

/** A request without a valid token (401) or with a token lacking the scope (403). */
public final class AuthException extends RuntimeException {

  private final boolean authenticated;

  AuthException(boolean authenticated, String message) {
    super(message, null, false, false);
    this.authenticated = authenticated;
  }

  /** True when the token was valid but lacks the scope. */
  public boolean authenticated() {
    return authenticated;
  }
}
