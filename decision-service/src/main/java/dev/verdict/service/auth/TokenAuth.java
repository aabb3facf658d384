package dev.verdict.service.auth;

import dev.verdict.service.config.VerdictConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Bearer tokens with scopes. Every configured token is compared, in constant time, on SHA-256
 * digests (equal lengths, so the comparison leaks neither content nor length); the loop does not
 * stop at a match. Tokens are never logged: callers see the token's configured name only.
 */
@Singleton
public class TokenAuth {

  /** Who called: the configured name of the token, or {@code anonymous}. */
  public record Caller(String name) {}

  private record Token(String name, byte[] digest, Set<Scope> scopes) {}

  private static final Caller ANONYMOUS = new Caller("anonymous");

  private final List<Token> tokens;
  private final boolean decisionsNeedToken;

  public TokenAuth(VerdictConfig config) {
    this.decisionsNeedToken = config.auth().required();
    this.tokens = config.auth().tokens().entrySet().stream()
        .map(e -> new Token(e.getKey(), digest(e.getValue().secret()),
            EnumSet.copyOf(e.getValue().scopes().stream().map(Scope::parse).toList())))
        .toList();
  }

  /**
   * The caller of a request with this {@code Authorization} header, which must carry {@code scope}.
   * Decide and read scopes are only checked when {@code verdict.auth.required=true}.
   *
   * @throws AuthException 401 without a valid token, 403 when the token lacks the scope
   */
  public Caller require(String authorization, Scope scope) {
    boolean always = scope == Scope.POLICY_WRITE || scope == Scope.ADMIN;
    if (!always && !decisionsNeedToken) {
      return ANONYMOUS;
    }
    Token t = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? find(authorization.substring(7).strip())
        : null;
    if (t == null) {
      throw new AuthException(false, "missing or invalid bearer token");
    }
    if (!t.scopes().contains(scope)) {
      throw new AuthException(true, "token '" + t.name() + "' lacks scope " + scope.label());
    }
    return new Caller(t.name());
  }

  private Token find(String presented) {
    byte[] d = digest(presented);
    Token found = null;
    for (Token t : tokens) {
      if (MessageDigest.isEqual(t.digest(), d) && found == null) {
        found = t;
      }
    }
    return found;
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
