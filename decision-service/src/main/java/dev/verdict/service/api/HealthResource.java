package dev.verdict.service.api;

import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.store.LoadStatus;
import dev.verdict.service.store.PolicyStore;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * OPA's health check: 200 {@code {}} once the policy directory has loaded. With {@code bundles} or
 * {@code plugins} it also answers 500 while the directory's latest content is refused (the previous
 * revision keeps serving), with the errors, so that a bad push shows up in readiness checks.
 */
@Path("/health")
public class HealthResource {

  private final PolicyStore store;
  private final boolean directoryConfigured;

  public HealthResource(PolicyStore store, VerdictConfig config) {
    this.store = store;
    this.directoryConfigured = config.policies().dir().isPresent();
  }

  @GET
  public Response health(@Context UriInfo uri) {
    LoadStatus status = store.directoryStatus();
    if (directoryConfigured && !status.activated()) {
      return unhealthy("policy directory not loaded yet", status);
    }
    // ?bundles carries no value, so presence is what counts.
    boolean deep = uri.getQueryParameters().containsKey("bundles") || uri.getQueryParameters().containsKey("plugins");
    if (deep && directoryConfigured && !status.ok()) {
      return unhealthy("policy directory failed to load; serving revision " + store.current().revision(), status);
    }
    return Responses.ok(Responses.EMPTY, false);
  }

  private static Response unhealthy(String message, LoadStatus status) {
    ObjectValue body = ObjectValue.builder()
        .put("error", StringValue.of(message))
        .put("errors", ArrayValue.of(status.errors().stream().map(StringValue::of).toList()))
        .build();
    return Responses.json(500, body, false);
  }
}
