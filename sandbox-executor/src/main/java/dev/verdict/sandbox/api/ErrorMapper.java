package dev.verdict.sandbox.api;

import dev.verdict.sandbox.execution.RequestException;
import dev.verdict.sandbox.limits.WorkerPool;
import dev.verdict.sandbox.modules.InvalidModuleException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals as {@code {code, message}} with their status. */
public class ErrorMapper {

  @ServerExceptionMapper
  public Response invalidModule(InvalidModuleException e) {
    String code = e.status() == 413 ? "request_too_large" : e.status() == 507 ? "store_full" : "invalid_module";
    return error(e.status(), code, e.getMessage());
  }

  @ServerExceptionMapper
  public Response request(RequestException e) {
    return error(e.status(), e.code(), e.getMessage());
  }

  @ServerExceptionMapper
  public Response queueFull(WorkerPool.QueueFullException e) {
    return error(429, "queue_full", e.getMessage());
  }

  private static Response error(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("code", code, "message", message))
        .build();
  }
}
