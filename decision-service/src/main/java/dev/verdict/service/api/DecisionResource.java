package dev.verdict.service.api;

import dev.verdict.service.auth.Scope;
import dev.verdict.service.auth.TokenAuth;
import dev.verdict.service.decision.Decision;
import dev.verdict.service.decision.DecisionService;
import dev.verdict.service.store.DocPath;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The decision API: {@code {"input": …}} in, a decision with its mode applied out; 404 for unknown paths. */
@Path("/v1/decisions")
@Consumes(MediaType.WILDCARD)
public class DecisionResource {

  private final DecisionService decisions;
  private final TokenAuth auth;

  public DecisionResource(DecisionService decisions, TokenAuth auth) {
    this.decisions = decisions;
    this.auth = auth;
  }

  @POST
  @Path("{path: .+}")
  public Uni<Response> decide(@PathParam("path") String path, byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz,
      @QueryParam("pretty") String pretty, @QueryParam("strict-builtin-errors") String strict) {
    return Offload.run(() -> {
      auth.require(authz, Scope.DECIDE);
      DocPath at = DocPath.parse(path);
      Decision d = decisions.decide(at, Requests.input(Requests.json(body)), Responses.flag(strict));
      if (d == null) {
        throw new ApiException(404, ApiException.UNDEFINED_DOCUMENT, "no policy or data at path " + at);
      }
      return Responses.ok(d.toValue(), Responses.flag(pretty));
    });
  }
}
