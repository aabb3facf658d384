package dev.verdict.sandbox.api;

import dev.verdict.sandbox.execution.Execution;
import dev.verdict.sandbox.execution.ExecutionRequest;
import dev.verdict.sandbox.execution.ExecutionService;
import dev.verdict.sandbox.execution.RequestException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /v1/executions}: 200 with how the run ended, 403 denied, 503 decision unavailable, 429 queue full.
 * Non-blocking: the body is read whole and checked on the event loop, the decision is asked
 * asynchronously from it, and the answer is written when the guest's worker finishes the run.
 */
@Path("/v1/executions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExecutionResource {

  @Inject ExecutionService executions;

  @POST
  public Uni<Response> execute(ExecutionRequest request) {
    if (request == null) {
      throw new RequestException(400, "invalid_parameter", "the body must be a JSON execution request");
    }
    return Uni.createFrom().completionStage(executions.execute(request))
        .onFailure(CompletionException.class).transform(e -> e.getCause() == null ? e : e.getCause())
        .map(ExecutionResource::response);
  }

  private static Response response(Execution e) {
    return Response.status(e.httpStatus()).entity(e.body()).build();
  }
}
