package dev.verdict.service.api;

import dev.verdict.service.config.VerdictConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies over {@code verdict.http.max-body-size} with 413 in OPA's error shape, before
 * anything reads them. Chunked bodies without a length are bounded by
 * {@code quarkus.http.limits.max-body-size}, set to the same size.
 */
public class BodyLimit {

  private final long max;

  public BodyLimit(VerdictConfig config) {
    this.max = config.http().maxBodySize().asLongValue();
  }

  @ServerRequestFilter(preMatching = true)
  public Response check(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
      return Responses.error(new ApiException(413, "request_too_large", "request body of " + length + " bytes exceeds the limit of " + max + " bytes"));
    }
    return null;
  }
}
