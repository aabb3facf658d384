package dev.verdict.bench.rbac;

import dev.verdict.bench.Answers;
import dev.verdict.bench.Cursor;
import dev.verdict.bench.Resources;
import java.util.List;
import java.util.Map;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * jcasbin on the equivalent RBAC model ({@code rbac/casbin-model.conf}): one {@code p} line per
 * grant of {@code data.role_grants} and one {@code g} line per role of {@code data.user_roles}, so
 * both engines decide from the same data. Requests are {@code (user, type, action)}.
 */
@State(Scope.Thread)
public class CasbinRbac {

  private final Cursor cursor = new Cursor(RbacFixture.REQUESTS);
  private Enforcer enforcer;
  private String[][] requests;

  @Setup(Level.Trial)
  public void setUp() {
    RbacFixture fixture = RbacFixture.load();
    enforcer = new Enforcer(Model.newModelFromString(Resources.text("rbac/casbin-model.conf")));
    enforcer.enableLog(false);
    for (Map.Entry<String, List<RbacFixture.Grant>> role : fixture.roleGrants().entrySet()) {
      for (RbacFixture.Grant grant : role.getValue()) {
        enforcer.addPolicy(role.getKey(), grant.type(), grant.action());
      }
    }
    for (Map.Entry<String, List<String>> user : fixture.userRoles().entrySet()) {
      for (String role : user.getValue()) {
        enforcer.addGroupingPolicy(user.getKey(), role);
      }
    }
    requests =
        fixture.requests().stream()
            .map(r -> new String[] {r.user(), r.type(), r.action()})
            .toArray(String[][]::new);
    Answers.verify("jcasbin (RBAC)", fixture.expected(), fixture::describe, this::decide);
  }

  /** Decides the next request. */
  public boolean next() {
    return decide(cursor.next());
  }

  boolean decide(int i) {
    return enforcer.enforce((Object[]) requests[i]);
  }
}
