package dev.verdict.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of OPA's conformance corpus (vendored under {@code conformance/opa}) as a test. A
 * case outside {@code expected-failures.txt} must pass; a listed case must still fail (so the
 * list shrinks as Verdict grows). Writes {@code target/conformance/summary.json} and
 * {@code summary.md} with the pass count per category.
 */
public class ConformanceTest {

  private static final Map<String, Boolean> OUTCOMES = new ConcurrentHashMap<>();
  private static final Map<String, String> CATEGORIES = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException, URISyntaxException {
    Map<String, String> expectedFailures = expectedFailures();
    List<ConformanceCase> cases = load();
    Set<String> ids = new HashSet<>();
    cases.forEach(c -> ids.add(c.id()));
    for (String listed : expectedFailures.keySet()) {
      if (!ids.contains(listed)) {
        fail("expected-failures.txt lists an unknown case: " + listed);
      }
    }
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.id(), () -> {
          String failure;
          try {
            failure = ConformanceRunner.run(c);
          } catch (RuntimeException | StackOverflowError e) {
            failure = "crashed: " + e;
          }
          OUTCOMES.put(c.id(), failure == null);
          CATEGORIES.put(c.id(), c.category());
          boolean expectedToFail = expectedFailures.containsKey(c.id());
          if (failure != null && !expectedToFail) {
            fail(c.id() + ": " + failure);
          }
          if (failure == null && expectedToFail) {
            fail(c.id() + ": passes now: remove it from expected-failures.txt");
          }
        }));
  }

  static Map<String, String> expectedFailures() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance/expected-failures.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int hash = line.indexOf("  #");
        String id = (hash < 0 ? line : line.substring(0, hash)).strip();
        out.put(id, hash < 0 ? "" : line.substring(hash + 3).strip());
      }
    }
    return out;
  }

  /** All cases, in file order; a note that repeats gets " #2", " #3" … to stay unique. */
  public static List<ConformanceCase> load() throws IOException, URISyntaxException {
    Path root = Path.of(ConformanceTest.class.getResource("/conformance/opa").toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    YAMLFactory yaml = new YAMLFactory();
    List<ConformanceCase> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Path file : files) {
      String category = file.getParent().getFileName().toString();
      Value doc;
      try (JsonParser p = yaml.createParser(file.toFile())) {
        p.nextToken();
        doc = Json.read(p);
      }
      if (!(doc instanceof ObjectValue o) || !(o.get("cases") instanceof ArrayValue cases)) {
        continue;
      }
      for (int i = 0; i < cases.size(); i++) {
        ObjectValue c = (ObjectValue) cases.get(i);
        String note = c.get("note") instanceof StringValue s ? s.value() : category + "/" + file.getFileName();
        int n = seen.merge(note, 1, Integer::sum);
        out.add(new ConformanceCase(category, n == 1 ? note : note + " #" + n, c));
      }
    }
    return out;
  }

  @AfterAll
  static void writeSummary() throws IOException {
    if (OUTCOMES.isEmpty()) {
      return;
    }
    Map<String, int[]> byCategory = new TreeMap<>();
    int passed = 0;
    for (Map.Entry<String, Boolean> e : OUTCOMES.entrySet()) {
      int[] t = byCategory.computeIfAbsent(CATEGORIES.get(e.getKey()), k -> new int[2]);
      t[0]++;
      if (e.getValue()) {
        t[1]++;
        passed++;
      }
    }
    ObjectValue.Builder cats = ObjectValue.builder();
    StringBuilder md = new StringBuilder();
    md.append("# Conformance: OPA's corpus\n\n");
    md.append(String.format("**%d / %d cases pass (%.1f %%)**%n%n", passed, OUTCOMES.size(), 100.0 * passed / OUTCOMES.size()));
    md.append("| category | passed | total |\n|---|---:|---:|\n");
    for (Map.Entry<String, int[]> e : byCategory.entrySet()) {
      cats.put(e.getKey(), ObjectValue.of(StringValue.of("total"), num(e.getValue()[0]), StringValue.of("passed"), num(e.getValue()[1])));
      md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()[1]).append(" | ").append(e.getValue()[0]).append(" |\n");
    }
    ObjectValue summary =
        ObjectValue.of(
            StringValue.of("total"), num(OUTCOMES.size()),
            StringValue.of("passed"), num(passed),
            StringValue.of("categories"), cats.build());
    Path dir = Path.of("target", "conformance");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("summary.json"), Json.toPrettyJson(summary) + "\n");
    Files.writeString(dir.resolve("summary.md"), md.toString());
  }

  private static Value num(int n) {
    return dev.verdict.value.NumberValue.of(n);
  }
}
