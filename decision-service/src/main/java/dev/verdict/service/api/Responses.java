package dev.verdict.service.api;

import dev.verdict.ast.Location;
import dev.verdict.error.RegoError;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** JSON answers written with Verdict's own writer, so numbers keep their exact text. */
final class Responses {

  static final ObjectValue EMPTY = ObjectValue.EMPTY;

  private Responses() {}

  /** The body as UTF-8 bytes, written once: a String entity would be encoded again on the event loop. */
  static Response json(int status, Value body, boolean pretty) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      Json.write(body, out, pretty);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    out.write('\n');
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(out.toByteArray()).build();
  }

  static Response ok(Value body, boolean pretty) {
    return json(200, body, pretty);
  }

  static Response error(ApiException e) {
    return json(e.status(), errorBody(e.code(), e.getMessage(), e.errors()), false);
  }

  static ObjectValue errorBody(String code, String message, List<RegoError> errors) {
    ObjectValue.Builder b = ObjectValue.builder().put("code", StringValue.of(code)).put("message", StringValue.of(message));
    if (!errors.isEmpty()) {
      b.put("errors", ArrayValue.of(errors.stream().map(Responses::error).toList()));
    }
    return b.build();
  }

  private static Value error(RegoError e) {
    ObjectValue.Builder b = ObjectValue.builder().put("code", StringValue.of(e.code())).put("message", StringValue.of(e.message()));
    Location l = e.location();
    if (l != null && l.row() > 0) {
      b.put("location", ObjectValue.builder()
          .put("file", StringValue.of(l.file()))
          .put("row", NumberValue.of(l.row()))
          .put("col", NumberValue.of(l.col()))
          .build());
    }
    return b.build();
  }

  /** OPA's boolean query parameters: present without a value ({@code ?pretty}) means true. */
  static boolean flag(String param) {
    return param != null && !param.equalsIgnoreCase("false");
  }
}
