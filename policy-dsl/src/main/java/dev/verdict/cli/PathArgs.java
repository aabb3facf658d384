package dev.verdict.cli;

import java.util.List;
import picocli.CommandLine.Parameters;

/** The PATH arguments of the commands that read files and directories (check, test, fmt, build). */
final class PathArgs {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories (walked recursively).")
  List<String> paths;
}
