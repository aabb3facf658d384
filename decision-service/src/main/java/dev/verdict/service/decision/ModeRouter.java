package dev.verdict.service.decision;

import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.store.DocPath;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Picks the mode of each decision: the kill switch first, then run-time overrides, configured
 * per-path modes and the default (longest path prefix wins), and for canary paths Shannon's order:
 * dry-run subjects, enforce subjects, enforce agents, percentage bucket, else dry-run.
 */
@Singleton
public class ModeRouter {

  private final VerdictConfig config;
  private final Map<DocPath, Mode> configured;
  private final Map<DocPath, Mode> overrides = new ConcurrentHashMap<>();
  private volatile boolean killSwitch;

  public ModeRouter(VerdictConfig config) {
    this.config = config;
    this.configured = config.pathModes().entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(e -> DocPath.parse(e.getKey()), Map.Entry::getValue));
  }

  public Routing route(DocPath path, Value input) {
    if (killSwitch) {
      return new Routing(Mode.DRY_RUN, Routing.KILL_SWITCH);
    }
    Mode override = longestPrefix(overrides, path);
    Mode mode = override != null ? override : longestPrefix(configured, path);
    Routing base = mode != null ? new Routing(mode, Routing.PATH_MODE) : new Routing(config.mode(), Routing.DEFAULT_MODE);
    return base.mode() == Mode.CANARY ? canary(input) : base;
  }

  private Routing canary(Value input) {
    VerdictConfig.Canary c = config.canary();
    String subject = field(input, c.subjectField());
    if (c.dryRunSubjects().orElse(Set.of()).contains(subject)) {
      return new Routing(Mode.DRY_RUN, Routing.DRY_RUN_SUBJECT);
    }
    if (c.enforceSubjects().orElse(Set.of()).contains(subject)) {
      return new Routing(Mode.ENFORCE, Routing.ENFORCE_SUBJECT);
    }
    if (c.enforceAgents().orElse(Set.of()).contains(field(input, c.agentField()))) {
      return new Routing(Mode.ENFORCE, Routing.ENFORCE_AGENT);
    }
    if (c.percentage() > 0) {
      String key = c.hashFields().stream().map(f -> field(input, f)).collect(Collectors.joining("|"));
      return new Routing(CanaryBucket.of(key) < c.percentage() ? Mode.ENFORCE : Mode.DRY_RUN, Routing.PERCENTAGE);
    }
    return new Routing(Mode.DRY_RUN, Routing.DEFAULT_DRY_RUN);
  }

  /** The value of a dotted field of the input as text; missing fields hash as "" like Shannon's. */
  static String field(Value input, String dotted) {
    Value v = input;
    for (String k : dotted.split("\\.")) {
      if (!(v instanceof ObjectValue o) || (v = o.get(k)) == null) {
        return "";
      }
    }
    return v instanceof StringValue s ? s.value() : Json.toJson(v);
  }

  private static Mode longestPrefix(Map<DocPath, Mode> modes, DocPath path) {
    Mode best = null;
    int bestLength = -1;
    for (Map.Entry<DocPath, Mode> e : modes.entrySet()) {
      if (path.startsWith(e.getKey()) && e.getKey().keys().size() > bestLength) {
        best = e.getValue();
        bestLength = e.getKey().keys().size();
      }
    }
    return best;
  }

  public boolean killSwitch() {
    return killSwitch;
  }

  public void setKillSwitch(boolean on) {
    killSwitch = on;
  }

  /** Sets a path's mode until restart, or clears it (back to configuration) when null. */
  public void override(DocPath path, Mode mode) {
    if (mode == null) {
      overrides.remove(path);
    } else {
      overrides.put(path, mode);
    }
  }

  /** Path modes in force: configured ones with run-time overrides on top, by path. */
  public Map<String, String> pathModes() {
    Map<String, String> out = new TreeMap<>();
    configured.forEach((p, m) -> out.put(p.toString(), m.label()));
    overrides.forEach((p, m) -> out.put(p.toString(), m.label()));
    return out;
  }
}
