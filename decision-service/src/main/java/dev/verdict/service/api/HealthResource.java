package dev.verdict.service.api;

import dev.verdict.service.bundle.BundlePoller;
import dev.verdict.service.bundle.BundleStatus;
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
import java.util.Map;

/**
 * OPA's health check: 200 {@code {}} once the policy directory and every bundle have loaded. With
 * {@code bundles} or {@code plugins} it also answers 500 while the latest content of the directory
 * or of a bundle is refused (the previous revision keeps serving), with the errors and each
 * bundle's status in OPA's status shape, so that a bad push shows up in readiness checks.
 */
@Path("/health")
public class HealthResource {

  private final PolicyStore store;
  private final BundlePoller bundles;
  private final boolean directoryConfigured;

  public HealthResource(PolicyStore store, BundlePoller bundles, VerdictConfig config) {
    this.store = store;
    this.bundles = bundles;
    this.directoryConfigured = config.policies().dir().isPresent();
  }

  @GET
  public Response health(@Context UriInfo uri) {
    LoadStatus dir = store.directoryStatus();
    Map<String, BundleStatus> bundleStatus = bundles.statuses();
    if ((directoryConfigured && !dir.activated()) || bundleStatus.values().stream().anyMatch(s -> !s.activated())) {
      return unhealthy("policies not loaded yet", dir, bundleStatus);
    }
    // ?bundles carries no value, so presence is what counts.
    boolean deep = uri.getQueryParameters().containsKey("bundles") || uri.getQueryParameters().containsKey("plugins");
    boolean refused = (directoryConfigured && !dir.ok()) || bundleStatus.values().stream().anyMatch(s -> !s.ok());
    if (deep && refused) {
      return unhealthy("latest policies failed to load; serving revision " + store.current().revision(), dir, bundleStatus);
    }
    return Responses.ok(Responses.EMPTY, false);
  }

  private static Response unhealthy(String message, LoadStatus dir, Map<String, BundleStatus> bundleStatus) {
    ObjectValue.Builder statuses = ObjectValue.builder();
    bundleStatus.forEach((name, s) -> statuses.put(name, s.toValue()));
    ObjectValue body = ObjectValue.builder()
        .put("error", StringValue.of(message))
        .put("errors", ArrayValue.of(dir.errors().stream().map(StringValue::of).toList()))
        .put("bundles", statuses.build())
        .build();
    return Responses.json(500, body, false);
  }
}
