package dev.verdict.service.api;

import dev.verdict.error.RegoException;
import dev.verdict.service.auth.Scope;
import dev.verdict.service.auth.TokenAuth;
import dev.verdict.service.store.PolicyStore;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** OPA's policy API. Policies are listed with id and raw text (OPA's AST is not returned). */
@Path("/v1/policies")
@Consumes(MediaType.WILDCARD)
public class PolicyResource {

  private final PolicyStore store;
  private final TokenAuth auth;

  public PolicyResource(PolicyStore store, TokenAuth auth) {
    this.store = store;
    this.auth = auth;
  }

  @GET
  public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authz, @QueryParam("pretty") String pretty) {
    auth.require(authz, Scope.DATA_READ);
    Map<String, String> all = store.policies();
    ArrayValue list = ArrayValue.of(all.entrySet().stream().map(e -> policy(e.getKey(), e.getValue())).toList());
    return Responses.ok(ObjectValue.builder().put("result", list).build(), Responses.flag(pretty));
  }

  @GET
  @Path("{id: .+}")
  public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz,
      @QueryParam("pretty") String pretty) {
    auth.require(authz, Scope.DATA_READ);
    String raw = store.policies().get(id);
    if (raw == null) {
      throw notFound(id);
    }
    return Responses.ok(ObjectValue.builder().put("result", policy(id, raw)).build(), Responses.flag(pretty));
  }

  /** Compiles the new policy with everything else; on any error the old revision keeps serving. */
  @PUT
  @Path("{id: .+}")
  public Response put(@PathParam("id") String id, byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz) {
    auth.require(authz, Scope.POLICY_WRITE);
    try {
      store.putPolicy(id, new String(body, StandardCharsets.UTF_8));
    } catch (RegoException e) {
      throw new ApiException(400, ApiException.INVALID_PARAMETER, "error(s) occurred while compiling module(s)", e.errors());
    }
    return Responses.ok(Responses.EMPTY, false);
  }

  @DELETE
  @Path("{id: .+}")
  public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz) {
    auth.require(authz, Scope.POLICY_WRITE);
    if (!store.policies().containsKey(id)) {
      throw notFound(id);
    }
    try {
      store.deletePolicy(id);
    } catch (RegoException e) {
      throw new ApiException(400, ApiException.INVALID_PARAMETER, "error(s) occurred while compiling module(s)", e.errors());
    }
    return Responses.ok(Responses.EMPTY, false);
  }

  private static Value policy(String id, String raw) {
    return ObjectValue.builder().put("id", StringValue.of(id)).put("raw", StringValue.of(raw)).build();
  }

  private static ApiException notFound(String id) {
    return new ApiException(404, ApiException.NOT_FOUND, "storage_not_found_error: policy id \"" + id + "\"");
  }
}
