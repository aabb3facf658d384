package dev.verdict.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -d/--data PATH}, repeatable: the policy and data files a query runs against. */
final class DataPaths {

  @Option(names = {"-d", "--data"}, paramLabel = "PATH", description = "Policy or data file or directory (repeatable).")
  List<String> paths = new ArrayList<>();
}
