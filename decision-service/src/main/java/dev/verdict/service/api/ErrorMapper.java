package dev.verdict.service.api;

import dev.verdict.error.RegoException;
import dev.verdict.service.auth.AuthException;
import dev.verdict.service.store.StoreException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves in OPA's error body with OPA's status codes. */
public class ErrorMapper {

  private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

  @ServerExceptionMapper
  public Response api(ApiException e) {
    return Responses.error(e);
  }

  /** Evaluation errors (conflicts, strict builtin errors, deadlines) are server errors, as in OPA. */
  @ServerExceptionMapper
  public Response rego(RegoException e) {
    return Responses.error(new ApiException(500, ApiException.INTERNAL, e.getMessage(), e.errors()));
  }

  @ServerExceptionMapper
  public Response store(StoreException e) {
    return Responses.error(switch (e.kind()) {
      case NOT_FOUND -> new ApiException(404, ApiException.NOT_FOUND, e.getMessage());
      case INVALID, OWNED_BY_DIRECTORY -> ApiException.badRequest(e.getMessage());
    });
  }

  @ServerExceptionMapper
  public Response auth(AuthException e) {
    return e.authenticated()
        ? Responses.error(new ApiException(403, "forbidden", e.getMessage()))
        : Response.fromResponse(Responses.error(new ApiException(401, "unauthorized", e.getMessage())))
            .header("WWW-Authenticate", "Bearer")
            .build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String code = e instanceof NotFoundException ? ApiException.NOT_FOUND : status >= 500 ? ApiException.INTERNAL : ApiException.INVALID_PARAMETER;
    return Responses.error(new ApiException(status, code, e.getMessage()));
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(RuntimeException e) {
    LOG.error("unexpected failure", e);
    return Responses.error(new ApiException(500, ApiException.INTERNAL, "internal error: " + e.getClass().getSimpleName()));
  }
}
