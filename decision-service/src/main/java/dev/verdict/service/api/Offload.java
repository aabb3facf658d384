package dev.verdict.service.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Runs an endpoint's work on a worker thread once Vert.x has read the whole body on the event loop.
 * A blocking JAX-RS method would be dispatched first and then read its body through a blocking
 * stream, handing every chunk across threads under a lock: on a busy core that hand-off cost more
 * than the decision. Returning a {@link Uni} makes the body arrive complete; evaluation still stays
 * off the event loop, since a policy may run up to its deadline.
 */
final class Offload {

  private Offload() {}

  static Uni<Response> run(Supplier<Response> work) {
    return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
