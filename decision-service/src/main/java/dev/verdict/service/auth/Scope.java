package dev.verdict.service.auth;

/** What a token may do. */
public enum Scope {
  /** Evaluate: data API reads, {@code POST /}, batch, queries, the decision API. */
  DECIDE("decide"),
  /** Read policies. */
  DATA_READ("data:read"),
  /** Write policies and data. */
  POLICY_WRITE("policy:write"),
  /** Kill switch, path modes, effective configuration. */
  ADMIN("admin");

  private final String label;

  Scope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Scope parse(String text) {
    for (Scope s : values()) {
      if (s.label.equals(text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scope '" + text + "' (want decide, data:read, policy:write or admin)");
  }
}
