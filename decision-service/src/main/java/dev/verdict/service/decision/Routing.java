package dev.verdict.service.decision;

/**
 * The mode one decision runs under and why. Reasons are a closed set (they label metrics):
 * Shannon's canary reasons plus {@code path_mode} and {@code default_mode}.
 */
public record Routing(Mode mode, String reason) {

  public static final String KILL_SWITCH = "emergency_kill_switch";
  public static final String PATH_MODE = "path_mode";
  public static final String DEFAULT_MODE = "default_mode";
  public static final String DRY_RUN_SUBJECT = "explicit_dry_run_user";
  public static final String ENFORCE_SUBJECT = "explicit_enforce_user";
  public static final String ENFORCE_AGENT = "explicit_enforce_agent";
  public static final String PERCENTAGE = "percentage_rollout";
  public static final String DEFAULT_DRY_RUN = "default_dry_run";
}
