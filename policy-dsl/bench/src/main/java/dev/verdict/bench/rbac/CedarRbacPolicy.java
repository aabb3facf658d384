package dev.verdict.bench.rbac;

import java.util.List;
import java.util.Map;

/**
 * Renders OPA's RBAC example as Cedar policies: admins may do anything, and each grant of {@code
 * data.role_grants} becomes one {@code permit} for the role's members, on one action and one
 * resource type. For example:
 *
 * <pre>
 * permit (principal in Role::"admin", action, resource);
 * permit (principal in Role::"customer", action == Action::"read", resource is dog);
 * </pre>
 */
public final class CedarRbacPolicy {

  static final String USER = "User";
  static final String ROLE = "Role";
  static final String ACTION = "Action";

  private CedarRbacPolicy() {}

  public static String render(Map<String, List<RbacFixture.Grant>> roleGrants) {
    StringBuilder out = new StringBuilder();
    out.append("permit (principal in Role::\"admin\", action, resource);\n");
    for (Map.Entry<String, List<RbacFixture.Grant>> role : roleGrants.entrySet()) {
      for (RbacFixture.Grant grant : role.getValue()) {
        out.append("permit (principal in Role::\"")
            .append(role.getKey())
            .append("\", action == Action::\"")
            .append(grant.action())
            .append("\", resource is ")
            .append(grant.type())
            .append(");\n");
      }
    }
    return out.toString();
  }
}
