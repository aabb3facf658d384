package dev.verdict.service.api;

import dev.verdict.error.RegoException;
import dev.verdict.eval.PreparedQuery;
import dev.verdict.service.auth.Scope;
import dev.verdict.service.auth.TokenAuth;
import dev.verdict.service.decision.Evaluator;
import dev.verdict.service.store.PolicyStore;
import dev.verdict.service.store.Snapshot;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** OPA's ad-hoc query API: one binding object per solution, never cached. */
@Path("/v1/query")
@Consumes(MediaType.WILDCARD)
public class QueryResource {

  private final PolicyStore store;
  private final Evaluator evaluator;
  private final TokenAuth auth;

  public QueryResource(PolicyStore store, Evaluator evaluator, TokenAuth auth) {
    this.store = store;
    this.evaluator = evaluator;
    this.auth = auth;
  }

  @POST
  public Response post(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz, @QueryParam("pretty") String pretty,
      @QueryParam("strict-builtin-errors") String strict) {
    auth.require(authz, Scope.DECIDE);
    if (!(Requests.json(body) instanceof ObjectValue o) || !(o.get("query") instanceof StringValue q)) {
      throw ApiException.badRequest("body must be an object with a query string");
    }
    return run(q.value(), o.get("input"), Responses.flag(pretty), Responses.flag(strict));
  }

  @GET
  public Response get(@QueryParam("q") String q, @QueryParam("input") String input,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authz, @QueryParam("pretty") String pretty) {
    auth.require(authz, Scope.DECIDE);
    if (q == null) {
      throw ApiException.badRequest("missing query parameter q");
    }
    Value in = input == null ? null : Requests.json(input.getBytes(StandardCharsets.UTF_8));
    return run(q, in, Responses.flag(pretty), false);
  }

  private Response run(String query, Value input, boolean pretty, boolean strict) {
    Snapshot s = store.current();
    PreparedQuery prepared;
    try {
      prepared = s.policies().prepare(query);
    } catch (RegoException e) {
      throw new ApiException(400, ApiException.INVALID_PARAMETER, "error(s) occurred while compiling the query", e.errors());
    }
    List<Map<String, Value>> solutions = s.policies().run(prepared, evaluator.options(input, strict));
    ObjectValue.Builder b = ObjectValue.builder();
    if (!solutions.isEmpty()) {
      b.put("result", ArrayValue.of(solutions.stream().map(QueryResource::bindings).toList()));
    }
    return Responses.ok(b.build(), pretty);
  }

  private static Value bindings(Map<String, Value> solution) {
    ObjectValue.Builder b = ObjectValue.builder();
    solution.forEach(b::put);
    return b.build();
  }
}
