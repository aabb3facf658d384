package dev.verdict.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH run as one compact Markdown table (median, p90, p99, mean and sample count per
 * benchmark), followed by the benchmarks that failed, with the first line of their error:
 *
 * <pre>
 * java -cp benchmarks.jar dev.verdict.bench.Report results.json [run.log]
 * </pre>
 *
 * <p>The JSON is JMH's {@code -rf json} output; the log, JMH's console output, is read only for
 * failures, which the JSON leaves out. Exit status 3 when a benchmark failed.
 */
public final class Report {

  private Report() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: Report results.json [run.log]");
      System.exit(64);
    }
    Path json = Path.of(args[0]);
    if (Files.exists(json) && Files.size(json) > 0) {
      printTable(new ObjectMapper().readTree(json.toFile()));
    } else {
      System.out.println("(no results)");
    }
    if (args.length > 1 && printFailures(Files.readAllLines(Path.of(args[1])))) {
      System.exit(3);
    }
  }

  static void printTable(JsonNode runs) {
    System.out.println();
    if (runs.isEmpty()) {
      System.out.println("(no results)");
      return;
    }
    System.out.println("| benchmark | params | median | p90 | p99 | mean | unit | samples |");
    System.out.println("|---|---|---:|---:|---:|---:|---|---:|");
    for (JsonNode run : runs) {
      JsonNode metric = run.path("primaryMetric");
      JsonNode pct = metric.path("scorePercentiles");
      boolean sampled = "sample".equals(run.path("mode").asText());
      System.out.println(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s |",
              shortName(run.path("benchmark").asText()),
              params(run.path("params")),
              sampled ? num(pct.path("50.0")) : "",
              sampled ? num(pct.path("90.0")) : "",
              sampled ? num(pct.path("99.0")) : "",
              num(metric.path("score")),
              metric.path("scoreUnit").asText(),
              sampled ? String.valueOf(samples(metric.path("rawDataHistogram"))) : ""));
    }
  }

  /** Lists the benchmarks that failed; true when there were any. */
  static boolean printFailures(List<String> log) {
    List<String> failures = new ArrayList<>();
    String benchmark = "?";
    String params = "";
    for (int i = 0; i < log.size(); i++) {
      String line = log.get(i);
      if (line.startsWith("# Benchmark: ")) {
        benchmark = shortName(line.substring("# Benchmark: ".length()).trim());
        params = "";
      } else if (line.startsWith("# Parameters: ")) {
        params = " " + line.substring("# Parameters: ".length()).trim();
      } else if (line.trim().endsWith("<failure>")) {
        failures.add(benchmark + params + ": " + firstErrorLine(log, i + 1));
      }
    }
    if (!failures.isEmpty()) {
      System.out.println();
      System.out.println("Failed (no figures):");
      failures.forEach(f -> System.out.println("- " + f));
    }
    return !failures.isEmpty();
  }

  private static String firstErrorLine(List<String> log, int from) {
    for (int i = from; i < Math.min(log.size(), from + 20); i++) {
      String line = log.get(i).trim();
      if (!line.isEmpty() && !line.startsWith("at ")) {
        return line;
      }
    }
    return "(no message)";
  }

  private static String shortName(String benchmark) {
    String prefix = "dev.verdict.bench.";
    return benchmark.startsWith(prefix) ? benchmark.substring(prefix.length()) : benchmark;
  }

  private static String params(JsonNode params) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      parts.add(p.getKey() + "=" + p.getValue().asText());
    }
    return String.join(", ", parts);
  }

  private static long samples(JsonNode histogram) {
    long n = 0;
    for (JsonNode fork : histogram) {
      for (JsonNode iteration : fork) {
        for (JsonNode bucket : iteration) {
          n += bucket.path(1).asLong();
        }
      }
    }
    return n;
  }

  private static String num(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    double v = value.asDouble();
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
