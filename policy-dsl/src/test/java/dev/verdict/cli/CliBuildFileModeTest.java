package dev.verdict.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verdict build} writes its bundle as any new file is written (the umask decides, as for
 * {@code opa build}), so that a bundle server running as another user, nginx in its image for one,
 * can read it: not with a temporary file's owner-only mode.
 */
class CliBuildFileModeTest {

  @TempDir Path dir;

  @Test
  void theBundleHasTheModeOfANewFile() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path reference = Files.writeString(dir.resolve("reference"), "");
    Path bundle = dir.resolve("bundle.tar.gz");
    CliHarness.Run r = CliHarness.run("build", "-o", bundle.toString(), "../policies/examples/rbac");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(bundle));
  }
}
