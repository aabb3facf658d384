package dev.verdict.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code verdict}: evaluate, test, check and explain Rego policies from the command line, with
 * opa's flags, output formats and exit codes where the two overlap.
 */
@Command(
    name = "verdict",
    description = "Evaluate, test, check, explain, format, bundle and lint Rego policies.",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = VerdictCli.Version.class,
    subcommands = {
      EvalCommand.class, TestCommand.class, CheckCommand.class, ExplainCommand.class, FmtCommand.class, BuildCommand.class,
      LintCommand.class
    })
public final class VerdictCli implements Callable<Integer> {

  /** Exit code for bad command-line usage (picocli's convention). */
  static final int USAGE = CommandLine.ExitCode.USAGE;

  @Spec CommandSpec spec;

  private final InputStream stdin;

  VerdictCli(InputStream stdin) {
    this.stdin = stdin;
  }

  InputStream stdin() {
    return stdin;
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: eval, test, check, explain, fmt, build or lint");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
    int code = run(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line with the given streams and returns its exit code (for tests and embedding). */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new VerdictCli(in));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(VerdictCli::usageError);
    cl.setExecutionExceptionHandler(VerdictCli::internalError);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** One line saying what is wrong, one saying where help is; no usage dump. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("Error: " + e.getMessage());
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    return USAGE;
  }

  /** A bug, not bad input: a short message; the stack trace only with VERDICT_DEBUG set. */
  private static int internalError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    err.println("verdict: internal error: " + e);
    if (System.getenv("VERDICT_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set VERDICT_DEBUG=1 to see where)");
    }
    return 1;
  }

  /** The version from the jar manifest when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = VerdictCli.class.getPackage().getImplementationVersion();
      return new String[] {"verdict " + (v != null ? v : "0.1.0-SNAPSHOT")};
    }
  }
}
