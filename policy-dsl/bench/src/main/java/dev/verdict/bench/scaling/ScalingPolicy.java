package dev.verdict.bench.scaling;

/**
 * Generates policy sets of any size: rule {@code i} allows tenant {@code t<i>} one action on one
 * resource type, and every tenth rule (those with {@code i % 10 == 0}) also requires a path under
 * {@code /api}, a condition no index can answer:
 *
 * <pre>
 * allow if {
 *   input.tenant == "t40"
 *   input.action == "read"
 *   input.resource.type == "doc"
 *   startswith(input.path, "/api")
 * }
 * </pre>
 *
 * <p>{@link Probe}s are the inputs the benchmarks decide, each with its expected answer.
 */
public final class ScalingPolicy {

  public static final String PACKAGE = "bench.scale";
  public static final String PATH = "bench/scale/allow";
  static final String[] ACTIONS = {"read", "write", "delete", "list"};
  static final String[] TYPES = {"doc", "bucket", "queue", "topic", "table"};
  static final int PATH_RULE_EVERY = 10;

  private ScalingPolicy() {}

  /** The inputs decided against a policy set of {@code rules} rules. */
  public enum Probe {
    /** Matches the last rule (with a path under /api only when that rule tests the path). */
    HIT_LAST(true),
    /** Matches the last rule that also tests the path, with a path under /api. */
    HIT_PATH_RULE(true),
    /** {@link #HIT_PATH_RULE} with a path outside /api: the index finds it, its body fails. */
    MISS_PATH(false),
    /** A tenant no rule names: nothing matches. */
    MISS_TENANT(false);

    private final boolean allowed;

    Probe(boolean allowed) {
      this.allowed = allowed;
    }

    public boolean allowed() {
      return allowed;
    }

    /** The input document, as JSON text. */
    public String input(int rules) {
      int last = rules - 1;
      int lastPathRule = (last / PATH_RULE_EVERY) * PATH_RULE_EVERY;
      return switch (this) {
        case HIT_LAST -> inputFor(last, hasPathCondition(last) ? "/api/home" : "/web/home");
        case HIT_PATH_RULE -> inputFor(lastPathRule, "/api/v1/items");
        case MISS_PATH -> inputFor(lastPathRule, "/web/v1/items");
        case MISS_TENANT -> json("t-unknown", ACTIONS[0], TYPES[0], "/api/v1/items");
      };
    }
  }

  /** Rego source of a module with {@code rules} {@code allow} rules and a default. */
  public static String generate(int rules) {
    StringBuilder out = new StringBuilder(rules * 120);
    out.append("package ").append(PACKAGE).append("\n\n");
    out.append("default allow := false\n");
    for (int i = 0; i < rules; i++) {
      out.append("\nallow if {\n");
      out.append("\tinput.tenant == \"t").append(i).append("\"\n");
      out.append("\tinput.action == \"").append(action(i)).append("\"\n");
      out.append("\tinput.resource.type == \"").append(type(i)).append("\"\n");
      if (hasPathCondition(i)) {
        out.append("\tstartswith(input.path, \"/api\")\n");
      }
      out.append("}\n");
    }
    return out.toString();
  }

  static String action(int rule) {
    return ACTIONS[rule % ACTIONS.length];
  }

  static String type(int rule) {
    return TYPES[rule % TYPES.length];
  }

  static boolean hasPathCondition(int rule) {
    return rule % PATH_RULE_EVERY == 0;
  }

  private static String inputFor(int rule, String path) {
    return json("t" + rule, action(rule), type(rule), path);
  }

  private static String json(String tenant, String action, String type, String path) {
    return ("{\"tenant\":\"%s\",\"action\":\"%s\","
            + "\"resource\":{\"type\":\"%s\",\"id\":\"r1\"},\"path\":\"%s\"}")
        .formatted(tenant, action, type, path);
  }
}
