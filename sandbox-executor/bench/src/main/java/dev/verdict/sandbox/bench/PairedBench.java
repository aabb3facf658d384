package dev.verdict.sandbox.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Figure 1 measured in pairs: Node (a {@code wasi-bench.mjs} process kept warm, one run per line
 * asked on its stdin) and the Java variants of {@link GuestVariants} take turns, one run each per
 * round in a shuffled order, so that every ratio compares runs made within the same half second.
 * On a shared machine whose speed changes by a factor of two from one minute to the next, a ratio
 * of two medians taken minutes apart says more about the neighbours than about the code; the
 * median of per-round ratios does not.
 *
 * <pre>
 * java [executor flags] -cp benchmarks.jar dev.verdict.sandbox.bench.PairedBench
 *     --node node --script wasi-bench.mjs --guests DIR [--rounds 60] [--copies 3] [--warmup 10]
 *     [--max-seconds 300] [--out DIR] GUEST...
 * </pre>
 *
 * Prints one Markdown table (median ms of each variant, medians and quartiles of the per-round
 * ratios) and whether each workload meets the targets; {@code --out} also gets every timing as
 * TSV. Exit status 1 when a run printed a wrong answer or Node failed.
 */
public final class PairedBench {

  /** Figure 1's targets: within 2.5x of Node with fuel on; fuel at most 10 % over no fuel. */
  private static final double NODE_RATIO = 2.5;
  private static final double FUEL_OVERHEAD = 0.10;

  private static final List<String> VARIANTS = List.of("node", "fuelService", "uninstrumented", "fuelBare");
  private static final List<String> JAVA_VARIANTS = VARIANTS.subList(1, VARIANTS.size());

  private PairedBench() {}

  public static void main(String[] argv) throws Exception {
    Options o = Options.parse(argv);
    PrintStream out = System.out;
    out.printf("paired rounds: %d over %d compiled copies (after %d warm-up rounds of each), at most %d s per workload%n",
        o.rounds, o.copies, o.warmup, o.maxSeconds);
    List<String> rows = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    for (String guest : o.guests) {
      // Each copy is compiled apart (its own classes), and HotSpot compiles each one its own way:
      // two copies of the same bytes can differ by a third. Rounds take the copies in turn.
      List<GuestVariants> copies = new ArrayList<>();
      for (int c = 0; c < o.copies; c++) {
        copies.add(new GuestVariants(guest));
      }
      double[][] ms;
      try (NodeRunner node = new NodeRunner(o, guest, copies.get(0))) {
        for (int w = 0; w < o.warmup; w++) {
          for (GuestVariants v : copies) {
            for (String variant : JAVA_VARIANTS) {
              v.check(variant, v.run(variant));
            }
          }
        }
        ms = measure(o, copies, node);
      }
      if (o.out != null) {
        writeTsv(o.out.resolve("paired-" + guest + ".tsv"), ms);
      }
      Summary s = new Summary(guest, ms, copies.get(0).lastFuel());
      rows.add(s.row());
      verdicts.add(s.verdict());
    }
    out.println();
    out.println("| workload | rounds | Node (V8) | executor: compiled + fuel | compiled, no fuel | compiled + fuel, bare "
        + "| executor / Node | fuel overhead, executor | fuel overhead, bare | fuel per run |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    rows.forEach(out::println);
    out.println();
    out.println("median ms per run (instantiate + run); ratios: median of the per-round ratios [quartiles]; "
        + "fuel overhead = with fuel / no fuel - 1, each pair from one round");
    verdicts.forEach(out::println);
  }

  /** Rounds of one run per variant, in a shuffled order, each round on the next copy, until done or out of time. */
  private static double[][] measure(Options o, List<GuestVariants> copies, NodeRunner node) throws IOException {
    double[][] ms = new double[o.rounds][VARIANTS.size()];
    Random order = new Random(42);
    List<Integer> turns = new ArrayList<>(List.of(0, 1, 2, 3));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.maxSeconds);
    int done = 0;
    for (; done < o.rounds && System.nanoTime() < deadline; done++) {
      GuestVariants v = copies.get(done % copies.size());
      Collections.shuffle(turns, order);
      for (int t : turns) {
        if (t == 0) {
          ms[done][t] = node.run();
        } else {
          String variant = VARIANTS.get(t);
          long start = System.nanoTime();
          String printed = v.run(variant);
          ms[done][t] = (System.nanoTime() - start) / 1e6;
          v.check(variant, printed);
        }
      }
    }
    return Arrays.copyOf(ms, done);
  }

  private static void writeTsv(Path file, double[][] ms) throws IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("round\t" + String.join("\t", VARIANTS) + "\n");
      for (int r = 0; r < ms.length; r++) {
        StringBuilder line = new StringBuilder().append(r + 1);
        for (double x : ms[r]) {
          line.append('\t').append(String.format("%.3f", x));
        }
        w.write(line.append('\n').toString());
      }
    }
  }

  /** One workload's figures from its rounds. */
  private record Summary(String guest, double[][] ms, long fuel) {

    double[] column(int variant) {
      return Arrays.stream(ms).mapToDouble(r -> r[variant]).toArray();
    }

    double[] ratio(int a, int b) {
      return Arrays.stream(ms).mapToDouble(r -> r[a] / r[b]).toArray();
    }

    String row() {
      double[] vsNode = ratio(1, 0);
      double[] fuelService = ratio(1, 2);
      double[] fuelBare = ratio(3, 2);
      return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %,d |", guest, ms.length,
          quantile(column(0), 0.5), quantile(column(1), 0.5), quantile(column(2), 0.5), quantile(column(3), 0.5),
          times(vsNode), overhead(fuelService), overhead(fuelBare), fuel);
    }

    String verdict() {
      double vsNode = quantile(ratio(1, 0), 0.5);
      double overhead = quantile(ratio(1, 2), 0.5) - 1;
      return String.format("%s: %s <= %.1fx Node (%.2fx); %s <= %.0f %% fuel overhead (%.1f %%)", guest,
          vsNode <= NODE_RATIO ? "meets" : "MISSES", NODE_RATIO, vsNode,
          overhead <= FUEL_OVERHEAD ? "meets" : "MISSES", FUEL_OVERHEAD * 100, overhead * 100);
    }

    private static String times(double[] r) {
      return String.format("%.2fx [%.2f–%.2f]", quantile(r, 0.5), quantile(r, 0.25), quantile(r, 0.75));
    }

    private static String overhead(double[] r) {
      return String.format("%.1f %% [%.1f – %.1f]", (quantile(r, 0.5) - 1) * 100, (quantile(r, 0.25) - 1) * 100,
          (quantile(r, 0.75) - 1) * 100);
    }
  }

  /** The q-quantile, interpolated between the two nearest samples. */
  static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double at = q * (sorted.length - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
  }

  /** {@code wasi-bench.mjs FILE WARMUP serve ARGS...}: warm, then one timed run per line asked. */
  private static final class NodeRunner implements AutoCloseable {

    private final Process process;
    private final BufferedReader answers;
    private final Writer asks;

    NodeRunner(Options o, String guest, GuestVariants v) throws IOException {
      List<String> command = new ArrayList<>(List.of(o.node, "--expose-gc", o.script.toString(),
          o.guestDir.resolve(guest + ".wasm").toString(), Integer.toString(o.warmup), "serve"));
      command.addAll(v.workload.args());
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      asks = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      String printed = answer();
      String expected = "stdout: " + v.workload.expected().strip();
      if (!printed.equals(expected)) {
        throw new IllegalStateException("node " + guest + " printed '" + printed + "', expected '" + expected + "'");
      }
    }

    double run() throws IOException {
      asks.write("run\n");
      asks.flush();
      return Double.parseDouble(answer());
    }

    private String answer() throws IOException {
      String line = answers.readLine();
      if (line == null) {
        throw new IllegalStateException("node ended: exit " + process.onExit().join().exitValue());
      }
      return line;
    }

    @Override
    public void close() throws IOException {
      asks.close();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  /** The command line. */
  private record Options(int rounds, int copies, int warmup, long maxSeconds, String node, Path script, Path guestDir, Path out,
      List<String> guests) {

    static Options parse(String[] argv) {
      int rounds = 60;
      int copies = 3;
      int warmup = 10;
      long maxSeconds = 300;
      String node = "node";
      Path script = null;
      Path guestDir = null;
      Path out = null;
      List<String> guests = new ArrayList<>();
      for (int i = 0; i < argv.length; i++) {
        switch (argv[i]) {
          case "--rounds" -> rounds = Integer.parseInt(argv[++i]);
          case "--copies" -> copies = Integer.parseInt(argv[++i]);
          case "--warmup" -> warmup = Integer.parseInt(argv[++i]);
          case "--max-seconds" -> maxSeconds = Long.parseLong(argv[++i]);
          case "--node" -> node = argv[++i];
          case "--script" -> script = Path.of(argv[++i]);
          case "--guests" -> guestDir = Path.of(argv[++i]);
          case "--out" -> out = Path.of(argv[++i]);
          default -> guests.add(argv[i]);
        }
      }
      if (script == null || guestDir == null || guests.isEmpty() || rounds < 1 || copies < 1 || warmup < 0) {
        throw new IllegalArgumentException("usage: PairedBench --script wasi-bench.mjs --guests DIR [--node node] "
            + "[--rounds 60] [--copies 3] [--warmup 10] [--max-seconds 300] [--out DIR] GUEST...");
      }
      return new Options(rounds, copies, warmup, maxSeconds, node, script, guestDir, out, List.copyOf(guests));
    }
  }
}
