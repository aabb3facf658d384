package dev.verdict.service.decision;

import java.util.Locale;

/**
 * How a path's decisions are applied. {@code CANARY} is configured only: each decision under it
 * resolves to {@code ENFORCE} or {@code DRY_RUN}.
 */
public enum Mode {
  ENFORCE,
  DRY_RUN,
  OFF,
  CANARY;

  /** The name used in configuration, responses and metrics: {@code dry-run}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Mode parse(String text) {
    for (Mode m : values()) {
      if (m.label().equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + text + "' (want enforce, dry-run, off or canary)");
  }
}
