package dev.verdict.service.api;

import dev.verdict.Result;
import dev.verdict.error.RegoException;
import dev.verdict.service.auth.Scope;
import dev.verdict.service.auth.TokenAuth;
import dev.verdict.service.cache.CacheKey;
import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.decision.DecisionService;
import dev.verdict.service.decision.Evaluator;
import dev.verdict.service.logs.DecisionEvent;
import dev.verdict.service.logs.DecisionLogger;
import dev.verdict.service.metrics.DecisionMetrics;
import dev.verdict.service.store.DocPath;
import dev.verdict.service.store.PolicyStore;
import dev.verdict.service.store.Snapshot;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.function.Supplier;

/** OPA's data API: {@code /v1/data}, {@code POST /} and {@code /v1/batch/data}. */
@Path("/")
@Consumes(MediaType.WILDCARD)
public class DataResource {

  private final PolicyStore store;
  private final Evaluator evaluator;
  private final TokenAuth auth;
  private final DecisionMetrics metrics;
  private final DecisionLogger logger;

  public DataResource(PolicyStore store, Evaluator evaluator, TokenAuth auth, DecisionMetrics metrics, DecisionLogger logger) {
    this.logger = logger;
    this.store = store;
    this.evaluator = evaluator;
    this.auth = auth;
    this.metrics = metrics;
  }

  /** Flags every data API call takes. */
  record Flags(boolean pretty, boolean metrics, boolean provenance, boolean strict) {
    static Flags of(String pretty, String metrics, String provenance, String strict) {
      return new Flags(Responses.flag(pretty), Responses.flag(metrics), Responses.flag(provenance), Responses.flag(strict));
    }
  }

  @POST
  @Path("v1/data{path: (/.*)?}")
  public Uni<Response> post(@PathParam("path") String path, byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz,
      @QueryParam("pretty") String pretty, @QueryParam("metrics") String metrics, @QueryParam("provenance") String provenance,
      @QueryParam("strict-builtin-errors") String strict) {
    return Offload.run(() -> {
      auth.require(authz, Scope.DECIDE);
      Flags f = Flags.of(pretty, metrics, provenance, strict);
      Snapshot snapshot = store.current();
      DocPath at = DocPath.parse(path);
      RequestBody request = new RequestBody(body);
      CacheKey bodyKey = CacheKey.ofBody(snapshot.revision(), at, f.strict(), body);
      Evaluator.Evaluation known = evaluator.known(snapshot, bodyKey);
      // Only bodies with an input are remembered, so a known body has one.
      boolean hasInput = known != null || request.hasInput();
      ObjectValue.Builder answer = evaluate(snapshot, at, request::input, f, () -> {
        if (known != null) {
          return known;
        }
        Evaluator.Evaluation e = evaluator.eval(snapshot, at, request.input(), f.strict());
        // Bytes are remembered once their input repeats: traffic that never repeats stores one entry per input, not two.
        if (hasInput && e.cached()) {
          evaluator.remember(bodyKey, e);
        }
        return e;
      });
      if (!hasInput) {
        answer.put("warning", ObjectValue.builder()
            .put("code", StringValue.of("api_usage_warning"))
            .put("message", StringValue.of("'input' key missing from the request"))
            .build());
      }
      return Responses.ok(answer.build(), f.pretty());
    });
  }

  @GET
  @Path("v1/data{path: (/.*)?}")
  public Response get(@PathParam("path") String path, @QueryParam("input") String input,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authz, @QueryParam("pretty") String pretty,
      @QueryParam("metrics") String metrics, @QueryParam("provenance") String provenance,
      @QueryParam("strict-builtin-errors") String strict) {
    auth.require(authz, Scope.DECIDE);
    Value in = input == null ? null : Requests.json(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Flags f = Flags.of(pretty, metrics, provenance, strict);
    return Responses.ok(evaluate(DocPath.parse(path), in, f).build(), f.pretty());
  }

  /** OPA's default decision: the whole body is the input, the answer is the bare value of data.system.main. */
  @POST
  public Uni<Response> main(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz, @QueryParam("pretty") String pretty) {
    return Offload.run(() -> {
      auth.require(authz, Scope.DECIDE);
      DocPath main = DocPath.parse("system/main");
      Snapshot snapshot = store.current();
      Value input = Requests.json(body);
      Result r = eval(snapshot, main, () -> input, () -> evaluator.eval(snapshot, main, input, false), DecisionService.newId()).result();
      if (!r.defined()) {
        throw new ApiException(404, ApiException.UNDEFINED_DOCUMENT, "document missing: data.system.main");
      }
      return Responses.ok(r.value(), Responses.flag(pretty));
    });
  }

  /** Many inputs against one path: 200 when every one succeeds, 207 when some failed. */
  @POST
  @Path("v1/batch/data{path: (/.*)?}")
  public Uni<Response> batch(@PathParam("path") String path, byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz,
      @QueryParam("pretty") String pretty, @QueryParam("metrics") String metrics, @QueryParam("provenance") String provenance,
      @QueryParam("strict-builtin-errors") String strict) {
    return Offload.run(() -> {
      auth.require(authz, Scope.DECIDE);
      if (!(Requests.json(body) instanceof ObjectValue o) || !(o.get("inputs") instanceof ObjectValue inputs)) {
        throw ApiException.badRequest("batch body must be an object with an inputs object");
      }
      Flags f = Flags.of(pretty, metrics, provenance, strict);
      ObjectValue.Builder responses = ObjectValue.builder();
      boolean failed = false;
      for (int i = 0; i < inputs.size(); i++) {
        try {
          responses.put(inputs.key(i), evaluate(DocPath.parse(path), inputs.value(i), f).build());
        } catch (RegoException e) {
          failed = true;
          responses.put(inputs.key(i), Responses.errorBody(ApiException.INTERNAL, e.getMessage(), e.errors()).toBuilder()
              .put("http_status_code", StringValue.of("500"))
              .build());
        }
      }
      ObjectValue answer = ObjectValue.builder()
          .put("batch_decision_id", StringValue.of(DecisionService.newId()))
          .put("responses", responses.build())
          .build();
      return Responses.json(failed ? 207 : 200, answer, f.pretty());
    });
  }

  @PUT
  @Path("v1/data{path: (/.*)?}")
  public Response put(@PathParam("path") String path, byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    auth.require(authz, Scope.POLICY_WRITE);
    DocPath at = DocPath.parse(path);
    Value value = Requests.json(body);
    if (value == null) {
      throw ApiException.badRequest("body must hold the JSON document to store");
    }
    if ("*".equals(ifNoneMatch) && store.current().policies().defines(at.toString())) {
      return Response.notModified().build();
    }
    store.putData(at, value);
    return Response.noContent().build();
  }

  @PATCH
  @Path("v1/data{path: (/.*)?}")
  public Response patch(@PathParam("path") String path, byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authz) {
    auth.require(authz, Scope.POLICY_WRITE);
    if (!(Requests.json(body) instanceof ArrayValue ops)) {
      throw ApiException.badRequest("body must be a JSON Patch array of {op, path, value} operations");
    }
    store.patchData(DocPath.parse(path), ops);
    return Response.noContent().build();
  }

  private ObjectValue.Builder evaluate(DocPath path, Value input, Flags f) {
    Snapshot snapshot = store.current();
    return evaluate(snapshot, path, () -> input, f, () -> evaluator.eval(snapshot, path, input, f.strict()));
  }

  /** OPA's answer for one input: decision id, result, and the metrics and provenance asked for. */
  private ObjectValue.Builder evaluate(Snapshot snapshot, DocPath path, Supplier<Value> input, Flags f,
      Supplier<Evaluator.Evaluation> evaluation) {
    long start = System.nanoTime();
    String id = DecisionService.newId();
    Evaluator.Evaluation e = eval(snapshot, path, input, evaluation, id);
    ObjectValue.Builder b = ObjectValue.builder().put("decision_id", StringValue.of(id));
    if (e.result().defined()) {
      b.put("result", e.result().value());
    }
    if (f.metrics()) {
      b.put("metrics", ObjectValue.builder()
          .put("timer_rego_query_eval_ns", NumberValue.of(e.result().evalNanos()))
          .put("timer_server_handler_ns", NumberValue.of(System.nanoTime() - start))
          .build());
    }
    if (f.provenance()) {
      b.put("provenance", provenance(snapshot));
    }
    return b;
  }

  /**
   * One evaluation, counted and offered to the decision log (errors too). The input is asked for
   * only when the log takes the event: a request answered by its body's bytes is not parsed otherwise.
   */
  private Evaluator.Evaluation eval(Snapshot snapshot, DocPath path, Supplier<Value> input, Supplier<Evaluator.Evaluation> evaluation,
      String id) {
    long start = System.nanoTime();
    try {
      Evaluator.Evaluation e = evaluation.get();
      long nanos = System.nanoTime() - start;
      metrics.dataQuery(path, e.result().defined() ? "defined" : "undefined", nanos);
      log(id, path, input, e.result().value(), snapshot, e.cached() ? 0 : e.result().evalNanos(), nanos, null);
      return e;
    } catch (RegoException e) {
      long nanos = System.nanoTime() - start;
      metrics.dataQuery(path, "error", nanos);
      log(id, path, input, null, snapshot, 0, nanos, e.getMessage());
      throw e;
    }
  }

  private void log(String id, DocPath path, Supplier<Value> input, Value result, Snapshot snapshot, long evalNanos, long nanos,
      String error) {
    if (logger.enabled()) {
      logger.log(new DecisionEvent(id, path.toString(), input.get(), result, Instant.now(), snapshot, evalNanos, nanos, null, error));
    }
  }

  /**
   * OPA's provenance: the server version and, per bundle, its revision; everything else (directory,
   * API writes) is reported as the bundle {@code policies} with the compiled revision.
   */
  private static ObjectValue provenance(Snapshot s) {
    ObjectValue.Builder bundles = ObjectValue.builder()
        .put("policies", ObjectValue.builder().put("revision", StringValue.of(s.revision())).build());
    s.bundles().forEach((name, rev) -> bundles.put(name, ObjectValue.builder().put("revision", StringValue.of(rev)).build()));
    return ObjectValue.builder().put("version", StringValue.of(VerdictConfig.SERVER_VERSION)).put("bundles", bundles.build()).build();
  }
}
