package dev.verdict.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verdict.ast.RegoVersion;
import dev.verdict.error.RegoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every module, query and input_term of OPA's conformance corpus parses (see corpus-modules.txt). */
class ParserCorpusTest {

  private record Entry(String kind, String name, String text) {}

  @Test
  void everyCorpusSourceParses() throws IOException {
    List<Entry> entries = entries();
    assertTrue(entries.size() > 4_000, "corpus entries: " + entries.size());
    List<String> failures = new ArrayList<>();
    for (Entry e : entries) {
      try {
        switch (e.kind()) {
          case "module" -> Parser.parseModule("test.rego", e.text(), RegoVersion.V1);
          case "query" -> Parser.parseQuery("query", e.text(), RegoVersion.V1);
          case "term" -> Parser.parseTerm("input_term", e.text());
          default -> throw new IllegalStateException(e.kind());
        }
      } catch (RegoException ex) {
        failures.add(e.kind() + " " + e.name() + "\n" + ex.getMessage() + "\n" + e.text());
      }
    }
    assertEquals(List.of(), failures, failures.size() + " sources failed to parse");
  }

  private static List<Entry> entries() throws IOException {
    String text;
    try (InputStream in = ParserCorpusTest.class.getResourceAsStream("/parser/corpus-modules.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Entry> entries = new ArrayList<>();
    String kind = null;
    String name = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("==== ")) {
        if (kind != null) {
          entries.add(new Entry(kind, name, body.toString()));
        }
        String[] header = line.substring(5).split(" ", 2);
        kind = header[0];
        name = header[1];
        body.setLength(0);
      } else if (kind != null) {
        body.append(line).append('\n');
      }
    }
    entries.add(new Entry(kind, name, body.toString()));
    return entries;
  }
}
