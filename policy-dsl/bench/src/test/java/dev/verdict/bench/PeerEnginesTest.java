package dev.verdict.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.verdict.bench.demo.OpaWasmDemo;
import dev.verdict.bench.rbac.CasbinRbac;
import dev.verdict.bench.rbac.CedarRbac;
import org.junit.jupiter.api.Test;

/**
 * Each peer's benchmark state answers its whole request set as specified (setUp checks every
 * answer and throws on the first wrong set). No timing.
 */
class PeerEnginesTest {

  @Test
  void jcasbinDecidesTheRbacRequestsRight() {
    assertDoesNotThrow(() -> new CasbinRbac().setUp());
  }

  @Test
  void cedarDecidesTheRbacRequestsRight() {
    assertDoesNotThrow(() -> new CedarRbac().setUp());
  }

  @Test
  void opaWasmDecidesTheDemoRequestsRight() {
    assertDoesNotThrow(() -> new OpaWasmDemo().setUp());
  }
}
