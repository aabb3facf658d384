package dev.verdict.sandbox.config;

import dev.verdict.sandbox.engine.Engine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Every {@code verdict.*} key of the executor; the README lists them with their defaults. */
@ConfigMapping(prefix = "verdict")
public interface SandboxConfig {

  DecisionService decisionService();

  Sandbox sandbox();

  interface DecisionService {
    /** Base URL of the decision service (env {@code VERDICT_DECISION_SERVICE_URL}). */
    @WithDefault("http://localhost:8181")
    String url();

    /** Bearer token sent with each decision request, when the decision service requires one. */
    Optional<String> token();

    /** Whole round trip, connection included; short so that a failure answers well within 1 s. */
    @WithDefault("500ms")
    Duration timeout();

    /** Consecutive failures that open the circuit breaker. */
    @WithDefault("5")
    int breakerFailures();

    /** How long an open breaker answers without trying. */
    @WithDefault("2s")
    Duration breakerOpenFor();
  }

  interface Sandbox {
    @WithDefault("sandbox/execution")
    String decisionPath();

    @WithDefault("compiled")
    Engine engine();

    /** Server-wide maximums: whatever the policy grants, a run never exceeds them. */
    Max max();

    /** Each limit a decision does not grant: small, as the policy's untrusted profile. */
    Ungranted ungranted();

    /** Guest threads (platform threads, fixed stack). */
    @WithDefault("2")
    int workers();

    /** Executions waiting for a worker; beyond it, 429. */
    @WithDefault("16")
    int queue();

    /** Stack of each guest thread, in bytes: deep recursion ends as stack_exhausted. */
    @WithDefault("4194304")
    long stackBytes();

    Modules modules();

    Kv kv();

    /** JSON-lines audit file; without it, audit records go to the log category {@code verdict.audit}. */
    Optional<String> auditFile();
  }

  interface Max {
    @WithDefault("10000000000")
    long fuel();

    @WithDefault("30000")
    long timeoutMs();

    @WithDefault("1024")
    int memoryPages();

    @WithDefault("4194304")
    long outputBytes();
  }

  interface Ungranted {
    @WithDefault("100000000")
    long fuel();

    @WithDefault("1000")
    long timeoutMs();

    @WithDefault("64")
    int memoryPages();

    @WithDefault("65536")
    long outputBytes();
  }

  interface Modules {
    @WithDefault("52428800")
    long maxBytes();

    @WithDefault("1000")
    int maxCount();

    /** All stored modules' bytes together (they are kept in memory); beyond it, 507. */
    @WithDefault("268435456")
    long maxTotalBytes();

    @WithDefault("10000")
    int maxLocals();

    @WithDefault("10000")
    long maxTableElements();

    /**
     * Instrumented bytes of the prepared modules kept (by SHA-256). A parsed module takes tens of
     * times its bytes on the heap, so this bounds memory; an evicted module is prepared again from
     * its stored bytes on its next run.
     */
    @WithDefault("16777216")
    long cacheBytes();

    /**
     * How long an upload waits for its compilation (compiled engine): compiled by then, it is
     * ready; a compile error by then refuses the upload; otherwise the module's runs are
     * interpreted until the background compilation finishes.
     */
    @WithDefault("100ms")
    Duration compileWait();

    /**
     * Functions of the module generated to warm the upload pipeline up at start-up (see
     * ModuleWarmup); 0: no warm-up.
     */
    @WithDefault("3000")
    int warmUpFunctions();
  }

  interface Kv {
    @WithDefault("1000")
    int maxEntriesPerTenant();

    @WithDefault("65536")
    int maxValueBytes();
  }
}
