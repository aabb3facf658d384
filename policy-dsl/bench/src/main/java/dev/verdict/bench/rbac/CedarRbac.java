package dev.verdict.bench.rbac;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.Context;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import dev.verdict.bench.Answers;
import dev.verdict.bench.Cursor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * cedar-java on the equivalent RBAC policy ({@link CedarRbacPolicy}): users are entities whose
 * parents are their roles, each grant is a {@code permit} on an action and a resource type, and the
 * resource of a request is the pet, an entity of the requested type.
 *
 * <p>The policy set is parsed once and cached on the native side ({@link PolicySet#cache()}), so a
 * call sends only the request and the entities across JNI, which is cedar-java's fastest path.
 */
@State(Scope.Thread)
public class CedarRbac {

  private final Cursor cursor = new Cursor(RbacFixture.REQUESTS);
  private final AuthorizationEngine engine = new BasicAuthorizationEngine();
  private PolicySet policies;
  private Set<Entity> entities;
  private AuthorizationRequest[] requests;

  @Setup(Level.Trial)
  public void setUp() throws AuthException, CacheException {
    RbacFixture fixture = RbacFixture.load();
    policies = PolicySet.parsePolicies(CedarRbacPolicy.render(fixture.roleGrants()));
    policies.cache();
    entities = entities(fixture.userRoles());
    requests =
        fixture.requests().stream()
            .map(
                r ->
                    new AuthorizationRequest(
                        uid(CedarRbacPolicy.USER, r.user()),
                        uid(CedarRbacPolicy.ACTION, r.action()),
                        uid(r.type(), r.object()),
                        new Context()))
            .toArray(AuthorizationRequest[]::new);
    Answers.verify(
        "cedar-java (RBAC)", fixture.expected(), fixture::describe, i -> allowed(decide(i)));
  }

  /** Decides the next request. */
  public AuthorizationResponse next() {
    return decide(cursor.next());
  }

  AuthorizationResponse decide(int i) {
    try {
      return engine.isAuthorized(requests[i], policies, entities);
    } catch (AuthException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean allowed(AuthorizationResponse response) {
    if (response.success.isEmpty()) {
      throw new IllegalStateException("Cedar failed: " + response);
    }
    return response.success.get().isAllowed();
  }

  private static Set<Entity> entities(Map<String, List<String>> userRoles) {
    Map<String, Entity> roles = new HashMap<>();
    Set<Entity> all = new HashSet<>();
    for (Map.Entry<String, List<String>> user : userRoles.entrySet()) {
      Set<EntityUID> parents = new HashSet<>();
      for (String role : user.getValue()) {
        Entity r = roles.computeIfAbsent(role, n -> new Entity(uid(CedarRbacPolicy.ROLE, n)));
        parents.add(r.getEUID());
      }
      all.add(new Entity(uid(CedarRbacPolicy.USER, user.getKey()), parents));
    }
    all.addAll(roles.values());
    return Set.copyOf(all);
  }

  static EntityUID uid(String type, String id) {
    return EntityTypeName.parse(type)
        .orElseThrow(() -> new IllegalArgumentException("bad Cedar type " + type))
        .of(id);
  }
}
