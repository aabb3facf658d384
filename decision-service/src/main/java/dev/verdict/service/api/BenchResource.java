package dev.verdict.service.api;

import dev.verdict.service.config.VerdictConfig;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's baseline: a constant JSON body from a resource like the data API's (same
 * framework path, body read as bytes, same threading, answer written as bytes), so that the data
 * API's throughput can be quoted as a share of what the HTTP stack alone does. Served only when
 * {@code verdict.bench-endpoint=true}; 404 otherwise.
 */
@Path("/v1/bench/constant")
@Consumes(MediaType.WILDCARD)
public class BenchResource {

  private static final byte[] BODY =
      "{\"decision_id\":\"00000000-0000-0000-0000-000000000000\",\"result\":true}\n".getBytes(StandardCharsets.UTF_8);

  private final boolean enabled;

  public BenchResource(VerdictConfig config) {
    this.enabled = config.benchEndpoint();
  }

  @POST
  public Uni<Response> post(byte[] body) {
    return Offload.run(this::get);
  }

  @GET
  public Response get() {
    if (!enabled) {
      throw new ApiException(404, ApiException.NOT_FOUND, "the benchmark endpoint is off (verdict.bench-endpoint=false)");
    }
    return Response.ok(BODY, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
