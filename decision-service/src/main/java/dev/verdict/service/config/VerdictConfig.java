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

  /** What provenance and decision-log labels call this server. */
  String SERVER_VERSION = "verdict-0.1.0";

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

  /** OPA-format bundles by name: {@code verdict.bundles.<name>.url} and polling settings. */
  Map<String, Bundle> bundles();

  DecisionLogs decisionLogs();

  Slo slo();

  /** Whether {@code /v1/bench/constant} (the throughput baseline of the benchmark) is served. */
  @WithDefault("false")
  boolean benchEndpoint();

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

  interface Bundle {
    /** Where the bundle (a .tar.gz) is downloaded from; polled with If-None-Match. */
    String url();

    @WithDefault("10s")
    Duration pollInterval();

    /** Bearer token sent to the bundle server; never logged. */
    Optional<String> token();

    @WithDefault("10s")
    Duration timeout();

    /** Largest bundle accepted, compressed and uncompressed (a gzip bomb stops here). */
    @WithDefault("64M")
    MemorySize maxSize();
  }

  /** Thresholds the SLO metrics are held against (Shannon's defaults). */
  interface Slo {
    @WithDefault("1ms")
    Duration latencyP50();

    @WithDefault("5ms")
    Duration latencyP95();

    /** Highest share of answers that may be evaluation errors. */
    @WithDefault("0.05")
    double errorRate();

    /** Lowest share of cache lookups that should hit. */
    @WithDefault("0.8")
    double cacheHitRate();
  }

  interface DecisionLogs {
    /** Events waiting to be masked and written; past it new events are dropped and counted. */
    @WithDefault("10000")
    int queueCapacity();

    /** The rule whose set of JSON pointers or {op, path, value} objects masks each event (OPA's). */
    @WithDefault("system/log/mask")
    String maskDecision();

    /** The rule that drops an event when true (OPA's); evaluated before masking. */
    @WithDefault("system/log/drop")
    String dropDecision();

    /** Labels added to every event besides {@code id} and {@code version}. */
    Map<String, String> labels();

    File file();

    HttpSink http();

    interface File {
      /** JSON-lines file; no file sink when absent. */
      Optional<String> path();

      /** Size at which the file is rotated to {@code path.1} (older ones shift up). */
      @WithDefault("100M")
      MemorySize maxSize();

      /** Rotated files kept besides the live one. */
      @WithDefault("5")
      int maxFiles();
    }

    interface HttpSink {
      /** OPA-compatible collector ({@code POST} of gzipped JSON arrays); no upload when absent. */
      Optional<String> url();

      /** Bearer token sent to the collector; never logged. */
      Optional<String> token();

      @WithDefault("500")
      int batchSize();

      /** A batch smaller than batch-size is sent after this long. */
      @WithDefault("1s")
      Duration flushInterval();

      /** Events waiting for upload while the collector is slow or down; past it they are dropped. */
      @WithDefault("10000")
      int bufferSize();

      @WithDefault("100ms")
      Duration minBackoff();

      @WithDefault("30s")
      Duration maxBackoff();

      @WithDefault("5s")
      Duration timeout();
    }
  }
}
