package dev.verdict.sandbox.api;

import dev.verdict.sandbox.execution.RequestException;
import dev.verdict.sandbox.modules.ModuleInfo;
import dev.verdict.sandbox.modules.ModuleStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code /v1/modules}: upload (validated, instrumented, compiled), list, inspect, delete. */
@Path("/v1/modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleResource {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  @Inject ModuleStore modules;

  @PUT
  @Path("{name}")
  @Consumes(MediaType.WILDCARD)
  public ModuleInfo put(@PathParam("name") String name, byte[] wasm) {
    if (!NAME.matcher(name).matches()) {
      throw new RequestException(400, "invalid_parameter", "module names are 1-128 of [A-Za-z0-9._-], starting alphanumeric");
    }
    return modules.put(name, wasm == null ? new byte[0] : wasm);
  }

  @GET
  public Map<String, List<ModuleInfo>> list() {
    return Map.of("modules", modules.list());
  }

  @GET
  @Path("{name}")
  public ModuleInfo get(@PathParam("name") String name) {
    return modules.info(name).orElseThrow(() -> notFound(name));
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    if (!modules.delete(name)) {
      throw notFound(name);
    }
    return Response.noContent().build();
  }

  private static RequestException notFound(String name) {
    return new RequestException(404, "module_not_found", "no module named " + name);
  }
}
