package dev.verdict.bench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verdict.bench.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The demo policy that ships inside opa-java-wasm's jar ({@code demo-policy.wasm}): npm-opa-wasm's
 * test policy, {@code allowed if data.role[input.user] == "admin"}. Its data (the one documented
 * with that policy) and 64 request inputs: an admin, a plain user, unknown users and inputs without
 * a user, shuffled with a fixed seed; 16 allow, 48 deny.
 */
public final class DemoFixture {

  public static final int REQUESTS = 64;
  /** The entrypoint compiled into {@code demo-policy.wasm}. */
  public static final String ENTRYPOINT = "opa/wasm/test/allowed";

  private static final long SHUFFLE_SEED = 20261124L;

  private final String dataJson;
  private final JsonNode roles;
  private final List<String> inputs;
  private final boolean[] expected;

  private DemoFixture(String dataJson, JsonNode roles) {
    this.dataJson = dataJson;
    this.roles = roles;
    this.inputs = buildInputs();
    this.expected = new boolean[inputs.size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = specified(inputs.get(i));
    }
  }

  public static DemoFixture load() {
    String json = Resources.text("demo/data.json");
    try {
      return new DemoFixture(json, new ObjectMapper().readTree(json).path("role"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo policy ported to Rego v1. */
  public String policy() {
    return Resources.text("demo/policy.rego");
  }

  public String dataJson() {
    return dataJson;
  }

  /** The input documents as JSON text, in request order. */
  public List<String> inputs() {
    return inputs;
  }

  public boolean[] expected() {
    return expected.clone();
  }

  public String describe(int i) {
    return inputs.get(i);
  }

  /** What the policy specifies: the input's user has the role "admin" in the data. */
  private boolean specified(String input) {
    try {
      JsonNode user = new ObjectMapper().readTree(input).get("user");
      return user != null && user.isTextual() && "admin".equals(roles.path(user.asText()).asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> buildInputs() {
    List<String> all = new ArrayList<>(REQUESTS);
    for (int i = 0; i < REQUESTS; i++) {
      String user =
          switch (i % 4) {
            case 0 -> "\"user\":\"alice\",";
            case 1 -> "\"user\":\"bob\",";
            case 2 -> "\"user\":\"user" + i + "\",";
            default -> "";
          };
      all.add("{" + user + "\"method\":\"GET\",\"path\":\"/pets/" + i + "\"}");
    }
    Collections.shuffle(all, new Random(SHUFFLE_SEED));
    return List.copyOf(all);
  }
}
