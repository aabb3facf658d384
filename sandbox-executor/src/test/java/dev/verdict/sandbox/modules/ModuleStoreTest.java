package dev.verdict.sandbox.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.sandbox.engine.Engine;
import dev.verdict.sandbox.fuel.FuelInstrumenter;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** What the store keeps in memory is bounded as a whole. */
class ModuleStoreTest {

  private static final int TOTAL = 200;

  private final ModuleStore store = new ModuleStore(new ModuleValidator(new ModuleLimits(1 << 20, 64, 10_000, 10_000)),
      new ModulePreparer(new FuelInstrumenter(10_000), Engine.INTERPRETER), 10, TOTAL, 1 << 20);

  @Test
  void uploadsPastTheTotalAre507AndReplacingOrDeletingFreesTheirBytes() {
    store.put("a", module(100, 'a'));
    store.put("b", module(80, 'b'));
    InvalidModuleException full = assertThrows(InvalidModuleException.class, () -> store.put("c", module(60, 'c')));
    assertEquals(507, full.status());
    assertTrue(full.getMessage().contains("maximum of " + TOTAL + " bytes"), full.getMessage());
    store.put("a", module(120, 'd'));
    assertTrue(store.delete("b"));
    assertEquals(60, store.put("c", module(60, 'c')).size());
  }

  @Test
  void aPreparedModuleGoesWithTheLastNameHoldingIt() {
    byte[] same = module(50, 's');
    String sha = store.put("one", same).sha256();
    store.put("two", same);
    store.delete("one");
    assertTrue(store.cache().getIfPresent(sha) != null, "still held by 'two'");
    store.delete("two");
    assertNull(store.cache().getIfPresent(sha));
  }

  /** An empty module padded to {@code size} bytes (at most 137: one-byte section size) with a custom section. */
  private static byte[] module(int size, char fill) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    int payload = size - 8 - 2 - 2;
    out.write(0);
    out.write(payload + 2);
    out.write(1);
    out.write('x');
    for (int i = 0; i < payload; i++) {
      out.write(fill);
    }
    return out.toByteArray();
  }
}
