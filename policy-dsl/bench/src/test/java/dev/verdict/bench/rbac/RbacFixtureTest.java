package dev.verdict.bench.rbac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacFixtureTest {

  private final RbacFixture fixture = RbacFixture.load();

  @Test
  void sixtyFourDistinctRequestsMixingAllowAndDeny() {
    List<RbacFixture.Request> requests = fixture.requests();
    assertEquals(RbacFixture.REQUESTS, requests.size());
    List<String> keys =
        requests.stream().map(r -> r.user() + " " + r.action() + " " + r.type()).toList();
    assertEquals(RbacFixture.REQUESTS, new HashSet<>(keys).size());
    int allowed = 0;
    for (boolean b : fixture.expected()) {
      allowed += b ? 1 : 0;
    }
    assertEquals(26, allowed, "16 for the admin, 6 for bob, 4 for eve, none for the unknown user");
  }

  @Test
  void expectedAnswersFollowTheDocumentedPolicy() {
    assertTrue(answer("alice", "delete", "bird"), "admins may do anything");
    assertTrue(answer("bob", "update", "finance"), "billing grant");
    assertTrue(answer("bob", "read", "cat"), "employee grant");
    assertFalse(answer("bob", "adopt", "dog"), "no grant to adopt");
    assertTrue(answer("eve", "adopt", "cat"), "customer grant");
    assertFalse(answer("eve", "update", "dog"), "customers cannot update");
    assertFalse(answer("mallory", "read", "dog"), "unknown users have no roles");
  }

  @Test
  void dataIsOpasDocumentedExample() {
    assertEquals(List.of("employee", "billing"), fixture.userRoles().get("bob"));
    assertEquals(4, fixture.roleGrants().get("customer").size());
    assertEquals(
        new RbacFixture.Grant("update", "finance"), fixture.roleGrants().get("billing").get(1));
  }

  @Test
  void cedarPolicyHasOnePermitPerGrantPlusAdmin() {
    String cedar = CedarRbacPolicy.render(fixture.roleGrants());
    assertEquals(1 + 4 + 4 + 2, cedar.lines().count());
    assertTrue(
        cedar.contains(
            "permit (principal in Role::\"billing\", action == Action::\"read\","
                + " resource is finance);"));
  }

  private boolean answer(String user, String action, String type) {
    List<RbacFixture.Request> requests = fixture.requests();
    boolean[] expected = fixture.expected();
    for (int i = 0; i < requests.size(); i++) {
      RbacFixture.Request r = requests.get(i);
      if (r.user().equals(user) && r.action().equals(action) && r.type().equals(type)) {
        return expected[i];
      }
    }
    throw new AssertionError("no request " + user + " " + action + " " + type);
  }
}
