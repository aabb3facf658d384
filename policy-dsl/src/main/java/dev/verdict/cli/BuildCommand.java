package dev.verdict.cli;

import dev.verdict.bundle.Bundle;
import dev.verdict.load.LoadException;
import dev.verdict.load.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verdict build}: compiles the policies and data under the paths and writes them as an OPA
 * bundle. Nothing is written when they do not compile (exit 1, errors as {@code check} prints them).
 */
@Command(name = "build", description = "Build an OPA bundle (.tar.gz) from policies and data.", sortOptions = false)
final class BuildCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "bundle.tar.gz",
      description = "Where to write the bundle (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = {"-r", "--revision"}, paramLabel = "REV", defaultValue = "",
      description = "The bundle's revision, written to its manifest.")
  String revision;

  @Mixin LoadOptions load;

  @Mixin PathArgs args;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Workspace ws = load.load(args.paths, Workspace.Scope.ALL);
      load.compile(ws);
      Bundle bundle = Bundle.of(ws, args.paths, revision, load.version());
      // Written beside the target and moved into place: a failed write leaves no half bundle. The
      // partial file is created as any new file is (the umask decides, 0644 as a rule, as opa build's
      // bundles), not as a temporary file (0600), which a bundle server running as another user could
      // not read.
      Path dir = output.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path partial = dir.resolve("." + output.getFileName() + "." + UUID.randomUUID() + ".partial");
      try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        bundle.writeTarGz(out);
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
      return 0;
    } catch (CliFailure f) {
      err.println(ErrorReport.text(f.errors()));
      return 1;
    } catch (LoadException e) {
      err.println(ErrorReport.text(new CliFailure(e).errors()));
      return 1;
    }
  }
}
