package dev.verdict.service.config;

import dev.verdict.service.decision.Mode;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every {@code verdict.*} key; the README lists them with an example configuration. */
@ConfigMapping(prefix = "verdict")
public interface VerdictConfig {

  Policies policies();

  /** The mode of paths without their own: enforce, dry-run, off or canary. */
  @WithDefault("enforce")
  Mode mode();

  /** Evaluation errors and deadline hits deny when true, allow (and say so) when false. */
  @WithDefault("true")
  boolean failClosed();

  /** Per-path modes, keyed by path ({@code app/rbac}); the longest matching prefix wins. */
  Map<String, Mode> pathModes();

  Canary canary();

  Cache cache();

  Auth auth();

  Eval eval();

  Http http();

  interface Policies {
    /** Directory of .rego, data.json and data.yaml files, loaded like {@code opa run DIR}. */
    Optional<String> dir();

    /** How often the directory is checked for changes. */
    @WithDefault("500ms")
    Duration pollInterval();
  }

  interface Canary {
    /** Share of the remaining subjects (0–100) that get enforce, by a stable hash bucket. */
    @WithDefault("0")
    int percentage();

    /** Input fields whose values, joined with {@code |}, are hashed (Shannon: user_id|agent_id). */
    @WithDefault("user_id,agent_id")
    List<String> hashFields();

    /** Input field naming the subject the subject lists refer to. */
    @WithDefault("user_id")
    String subjectField();

    /** Input field naming the agent the agent list refers to. */
    @WithDefault("agent_id")
    String agentField();

    Optional<Set<String>> enforceSubjects();

    Optional<Set<String>> enforceAgents();

    Optional<Set<String>> dryRunSubjects();
  }

  interface Cache {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("10000")
    long maxEntries();

    @WithDefault("5m")
    Duration ttl();
  }

  interface Auth {
    /** Whether decision calls (data API, decision API, queries) need a token with a scope too. */
    @WithDefault("false")
    boolean required();

    /** Named tokens: {@code verdict.auth.tokens.<name>.secret} and {@code .scopes}. */
    Map<String, Token> tokens();

    interface Token {
      String secret();

      List<String> scopes();
    }
  }

  interface Eval {
    /** Wall-clock budget of one evaluation; past it the decision fails (closed by default). */
    @WithDefault("1s")
    Duration timeout();

    @WithDefault("100000000")
    long stepBudget();
  }

  interface Http {
    /** Largest request body accepted; larger ones get 413. */
    @WithDefault("8M")
    MemorySize maxBodySize();
  }
}
