package dev.verdict.bench.rbac;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verdict.bench.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * OPA's documented RBAC example (Pet Store): the Rego policy, its data, and the fixed set of 64
 * requests every engine decides, with the answers the policy specifies.
 *
 * <p>The requests are every combination of four users (three from the data and one unknown), four
 * actions and four resource types, shuffled with a fixed seed so that allows and denies alternate
 * irregularly: 26 allow, 38 deny.
 */
public final class RbacFixture {

  public static final int REQUESTS = 64;
  static final String[] USERS = {"alice", "bob", "eve", "mallory"};
  static final String[] ACTIONS = {"read", "update", "adopt", "delete"};
  static final String[] TYPES = {"dog", "cat", "finance", "bird"};
  private static final long SHUFFLE_SEED = 20261123L;

  /** One grant in {@code data.role_grants}. */
  public record Grant(String action, String type) {}

  /** One request: the input document of OPA's example ({@code user, action, object, type}). */
  public record Request(String user, String action, String type, String object) {

    public String toJson() {
      return "{\"user\":\"%s\",\"action\":\"%s\",\"object\":\"%s\",\"type\":\"%s\"}"
          .formatted(user, action, object, type);
    }

    @Override
    public String toString() {
      return user + " " + action + " " + type + " " + object;
    }
  }

  private record Data(
      @JsonProperty("user_roles") Map<String, List<String>> userRoles,
      @JsonProperty("role_grants") Map<String, List<Grant>> roleGrants) {}

  private final String dataJson;
  private final Data data;
  private final List<Request> requests;
  private final boolean[] expected;

  private RbacFixture(String dataJson, Data data) {
    this.dataJson = dataJson;
    this.data = data;
    this.requests = buildRequests();
    this.expected = new boolean[requests.size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = specified(requests.get(i));
    }
  }

  public static RbacFixture load() {
    String json = Resources.text("rbac/data.json");
    try {
      Data data = new ObjectMapper().readValue(json, Data.class);
      return new RbacFixture(json, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Rego policy, as documented by OPA (v1 syntax). */
  public String policy() {
    return Resources.text("rbac/policy.rego");
  }

  /** The base data document, as documented by OPA. */
  public String dataJson() {
    return dataJson;
  }

  /** {@code data.user_roles}: user → roles. */
  public Map<String, List<String>> userRoles() {
    return data.userRoles();
  }

  /** {@code data.role_grants}: role → grants. */
  public Map<String, List<Grant>> roleGrants() {
    return data.roleGrants();
  }

  public List<Request> requests() {
    return requests;
  }

  /** The right answer for each request, in request order. */
  public boolean[] expected() {
    return expected.clone();
  }

  public String describe(int i) {
    return requests.get(i).toString();
  }

  /** What the documented policy specifies, in plain Java: an admin, or a grant that matches. */
  private boolean specified(Request r) {
    List<String> roles = userRoles().getOrDefault(r.user(), List.of());
    if (roles.contains("admin")) {
      return true;
    }
    for (String role : roles) {
      for (Grant g : roleGrants().getOrDefault(role, List.of())) {
        if (g.action().equals(r.action()) && g.type().equals(r.type())) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Request> buildRequests() {
    List<Request> all = new ArrayList<>(REQUESTS);
    for (String user : USERS) {
      for (String action : ACTIONS) {
        for (String type : TYPES) {
          all.add(new Request(user, action, type, "pet" + all.size()));
        }
      }
    }
    Collections.shuffle(all, new Random(SHUFFLE_SEED));
    return List.copyOf(all);
  }
}
