package dev.verdict.sandbox.api;

import dev.verdict.sandbox.execution.Execution;
import dev.verdict.sandbox.execution.ExecutionRequest;
import dev.verdict.sandbox.execution.ExecutionService;
import dev.verdict.sandbox.execution.RequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /v1/executions}: 200 with how the run ended, 403 denied, 503 decision unavailable, 429 queue full. */
@Path("/v1/executions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExecutionResource {

  @Inject ExecutionService executions;

  @POST
  public Response execute(ExecutionRequest request) {
    if (request == null) {
      throw new RequestException(400, "invalid_parameter", "the body must be a JSON execution request");
    }
    Execution e = executions.execute(request);
    return Response.status(e.httpStatus()).entity(e.body()).build();
  }
}
