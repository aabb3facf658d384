package dev.verdict.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Coverage probes observe and change nothing: every case of OPA's conformance corpus, evaluated
 * through the policies planned with probes ({@code PolicySet.withCoverage}), has the outcome the
 * plain run has (pass, or fail when {@code expected-failures.txt} lists it).
 */
class ConformanceCoverageTest {

  @Test
  void probesChangeNoOutcome() throws Exception {
    Map<String, String> expectedFailures = ConformanceTest.expectedFailures();
    List<String> wrong = new ArrayList<>();
    for (ConformanceCase c : ConformanceTest.load()) {
      String failure;
      try {
        failure = ConformanceRunner.run(c, true);
      } catch (RuntimeException | StackOverflowError e) {
        failure = "crashed: " + e;
      }
      if ((failure == null) == expectedFailures.containsKey(c.id())) {
        wrong.add(c.id() + ": " + (failure == null ? "passes with probes" : failure));
      }
    }
    assertEquals(List.of(), wrong);
  }
}
