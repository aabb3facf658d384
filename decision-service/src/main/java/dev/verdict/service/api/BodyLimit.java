package dev.verdict.service.api;

import dev.verdict.service.config.VerdictConfig;
import dev.verdict.value.Json;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Refuses bodies over {@code verdict.http.max-body-size} with 413 in OPA's error shape, from the
 * Content-Length header, before anything reads them. It runs as the first Vert.x route because
 * Quarkus' own limit ({@code quarkus.http.limits.max-body-size}, the same size, which still bounds
 * chunked bodies) would otherwise answer first, with an empty body.
 */
@Singleton
public class BodyLimit {

  private final long max;

  public BodyLimit(VerdictConfig config) {
    this.max = config.http().maxBodySize().asLongValue();
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(ctx -> {
      String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
      if (length != null && exceeds(length)) {
        ApiException e = new ApiException(413, "request_too_large",
            "request body of " + length + " bytes exceeds the limit of " + max + " bytes");
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(Json.toJson(Responses.errorBody(e.code(), e.getMessage(), e.errors())) + "\n");
        return;
      }
      ctx.next();
    });
  }

  /** A Content-Length beyond the limit; malformed values are left to Vert.x. Runs on every request: no regex. */
  private boolean exceeds(String length) {
    if (length.isEmpty()) {
      return false;
    }
    for (int i = 0; i < length.length(); i++) {
      char c = length.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return length.length() > 18 || Long.parseLong(length) > max;
  }
}
