package dev.verdict.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.cli.VerdictCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** policies/sandbox's own Rego tests, run as {@code bin/verdict test policies/sandbox} runs them. */
class PolicyTest {

  @Test
  void sandboxPolicyTestsPass() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = VerdictCli.run(new String[] {"test", "-v", "../policies/sandbox"}, new ByteArrayInputStream(new byte[0]),
        new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, out + "\n" + err);
    assertTrue(out.toString().contains("PASS: 15/15"), out.toString());
  }
}
