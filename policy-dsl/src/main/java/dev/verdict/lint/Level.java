package dev.verdict.lint;

/** How serious a finding is: errors fail the run (exit 3), warnings are reported only. */
public enum Level {
  error,
  warning
}
