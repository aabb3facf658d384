package dev.verdict.service.api;

import dev.verdict.service.auth.Scope;
import dev.verdict.service.auth.TokenAuth;
import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.decision.Mode;
import dev.verdict.service.decision.ModeRouter;
import dev.verdict.service.store.DocPath;
import dev.verdict.service.store.LoadStatus;
import dev.verdict.service.store.PolicyStore;
import dev.verdict.service.store.Snapshot;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NumberValue;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Run-time control, admin scope only, every call logged with the token's name (never the token):
 * the kill switch, per-path modes, and the effective configuration with the revision serving.
 */
@Path("/v1/admin")
@Consumes(MediaType.WILDCARD)
public class AdminResource {

  private static final Logger AUDIT = Logger.getLogger("dev.verdict.service.admin");

  private final ModeRouter router;
  private final PolicyStore store;
  private final TokenAuth auth;
  private final VerdictConfig config;

  public AdminResource(ModeRouter router, PolicyStore store, TokenAuth auth, VerdictConfig config) {
    this.router = router;
    this.store = store;
    this.auth = auth;
    this.config = config;
  }

  /** {@code {"enabled": true}} forces dry-run on every path until switched off again. */
  @PUT
  @Path("kill-switch")
  public Response killSwitch(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz) {
    TokenAuth.Caller caller = auth.require(authz, Scope.ADMIN);
    if (!(Requests.json(body) instanceof ObjectValue o) || !(o.get("enabled") instanceof BooleanValue on)) {
      throw ApiException.badRequest("body must be {\"enabled\": true|false}");
    }
    router.setKillSwitch(on.value());
    AUDIT.infof("admin %s: kill switch %s", caller.name(), on.value() ? "ON (dry-run everywhere)" : "off");
    return Responses.ok(ObjectValue.builder().put("kill_switch", on).build(), false);
  }

  /** {@code {"mode": "dry-run"}} sets the mode of a path and everything below it, until restart. */
  @PUT
  @Path("modes/{path: .+}")
  public Response setMode(@PathParam("path") String path, byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz) {
    TokenAuth.Caller caller = auth.require(authz, Scope.ADMIN);
    if (!(Requests.json(body) instanceof ObjectValue o) || !(o.get("mode") instanceof StringValue m)) {
      throw ApiException.badRequest("body must be {\"mode\": \"enforce|dry-run|off|canary\"}");
    }
    Mode mode;
    try {
      mode = Mode.parse(m.value());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    DocPath at = DocPath.parse(path);
    router.override(at, mode);
    AUDIT.infof("admin %s: mode of %s set to %s", caller.name(), at, mode.label());
    return Responses.ok(modes(), false);
  }

  /** Drops a run-time mode: the path goes back to its configured mode. */
  @DELETE
  @Path("modes/{path: .+}")
  public Response clearMode(@PathParam("path") String path, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz) {
    TokenAuth.Caller caller = auth.require(authz, Scope.ADMIN);
    DocPath at = DocPath.parse(path);
    router.override(at, null);
    AUDIT.infof("admin %s: run-time mode of %s cleared", caller.name(), at);
    return Responses.ok(modes(), false);
  }

  @GET
  @Path("config")
  public Response effective(@HeaderParam(HttpHeaders.AUTHORIZATION) String authz) {
    TokenAuth.Caller caller = auth.require(authz, Scope.ADMIN);
    AUDIT.infof("admin %s: read effective configuration", caller.name());
    Snapshot s = store.current();
    LoadStatus ls = store.directoryStatus();
    VerdictConfig.Canary c = config.canary();
    ObjectValue body = ObjectValue.builder()
        .put("revision", StringValue.of(s.revision()))
        .put("activated_at", StringValue.of(s.activatedAt().toString()))
        .put("policies_dir", StringValue.of(config.policies().dir().orElse("")))
        .put("directory_status", ObjectValue.builder()
            .put("ok", BooleanValue.of(ls.ok()))
            .put("errors", ArrayValue.of(ls.errors().stream().map(StringValue::of).toList()))
            .build())
        .put("mode", StringValue.of(config.mode().label()))
        .put("fail_closed", BooleanValue.of(config.failClosed()))
        .put("kill_switch", BooleanValue.of(router.killSwitch()))
        .put("path_modes", modes())
        .put("canary", ObjectValue.builder()
            .put("percentage", NumberValue.of(c.percentage()))
            .put("hash_fields", ArrayValue.of(c.hashFields().stream().map(StringValue::of).toList()))
            .put("subject_field", StringValue.of(c.subjectField()))
            .put("agent_field", StringValue.of(c.agentField()))
            .put("enforce_subjects", strings(c.enforceSubjects().orElse(Set.of())))
            .put("enforce_agents", strings(c.enforceAgents().orElse(Set.of())))
            .put("dry_run_subjects", strings(c.dryRunSubjects().orElse(Set.of())))
            .build())
        .put("cache", ObjectValue.builder()
            .put("enabled", BooleanValue.of(config.cache().enabled()))
            .put("max_entries", NumberValue.of(config.cache().maxEntries()))
            .put("ttl", StringValue.of(config.cache().ttl().toString()))
            .build())
        .put("auth", ObjectValue.builder()
            .put("required", BooleanValue.of(config.auth().required()))
            .put("tokens", strings(config.auth().tokens().keySet()))
            .build())
        .put("eval", ObjectValue.builder()
            .put("timeout", StringValue.of(config.eval().timeout().toString()))
            .put("step_budget", NumberValue.of(config.eval().stepBudget()))
            .build())
        .build();
    return Responses.ok(body, false);
  }

  private ObjectValue modes() {
    ObjectValue.Builder b = ObjectValue.builder();
    router.pathModes().forEach((p, m) -> b.put(p, StringValue.of(m)));
    return b.build();
  }

  private static Value strings(Collection<String> items) {
    return ArrayValue.of(items.stream().sorted().map(StringValue::of).toList());
  }
}
