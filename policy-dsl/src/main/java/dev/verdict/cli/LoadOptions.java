package dev.verdict.cli;

import dev.verdict.PolicySet;
import dev.verdict.Verdict;
import dev.verdict.ast.RegoVersion;
import dev.verdict.error.RegoException;
import dev.verdict.load.LoadException;
import dev.verdict.load.Workspace;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that loads policies shares, and compiling what they load. */
final class LoadOptions {

  @Option(names = "--v0-compatible", description = "Read policies as Rego v0 (pre-1.0 syntax).")
  boolean v0Compatible;

  @Option(
      names = "--v1-compatible",
      description = "Read policies as Rego v1 (the default; accepted for opa compatibility).")
  boolean v1Compatible;

  @Option(
      names = "--ignore",
      paramLabel = "GLOB",
      description = "File or directory names to skip while loading, e.g. '.*' (repeatable).")
  List<String> ignore = new ArrayList<>();

  RegoVersion version() {
    return v0Compatible ? RegoVersion.V0 : RegoVersion.V1;
  }

  Workspace load(List<String> paths, Workspace.Scope scope) throws CliFailure {
    try {
      return Workspace.load(paths, scope, ignore);
    } catch (LoadException e) {
      throw new CliFailure(e);
    }
  }

  /** Parses and compiles everything loaded; every parse and compile error becomes a CliError. */
  PolicySet compile(Workspace ws) throws CliFailure {
    try {
      return Verdict.compile(ws.sources(version()));
    } catch (RegoException e) {
      throw new CliFailure(CliError.of(e.errors()));
    }
  }
}
