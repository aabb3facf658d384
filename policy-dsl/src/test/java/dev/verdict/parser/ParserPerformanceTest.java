package dev.verdict.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-rule module parses in a few seconds, in a cold JVM. The bound is on this thread's CPU
 * time, which other work on a shared machine does not inflate, and is loose; the figures printed
 * are the ones to watch.
 */
class ParserPerformanceTest {

  @Test
  void hundredThousandRulesParseInAFewSeconds() {
    StringBuilder text = new StringBuilder("package bench\n\n");
    for (int i = 0; i < 100_000; i++) {
      text.append("allow if { input.tenant == \"t").append(i)
          .append("\"; input.action == \"read\"; input.resource.type == \"doc\" }\n");
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wall = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    long gc = gcMillis();
    Module module = Parser.parseModule("bench.rego", text.toString(), RegoVersion.V1);
    cpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
    wall = (System.nanoTime() - wall) / 1_000_000;
    gc = gcMillis() - gc;
    System.out.printf("parsed %,d rules (%,d KiB) in %,d ms (%,d ms CPU on the parsing thread, %,d ms in GC)%n",
        module.rules().size(), text.length() / 1024, wall, cpu, gc);
    assertEquals(100_000, module.rules().size());
    assertTrue(cpu < 10_000, "took " + cpu + " ms of CPU");
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
  }
}
