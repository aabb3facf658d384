package dev.verdict.cli;

import picocli.CommandLine.Option;

/** {@code -f/--format pretty|json}, as opa's check and test take it. */
final class ReportFormat {

  /** The two report shapes. */
  enum Format {
    pretty,
    json
  }

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "pretty",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  boolean json() {
    return format == Format.json;
  }
}
