package dev.verdict.sandbox.capabilities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared capability vectors (resources/vectors, see SOURCE.md). */
class CapabilityPatternTest {

  record Vector(String pattern, String capability, boolean match) {}

  static JsonNode vectors() throws IOException {
    try (InputStream in = CapabilityPatternTest.class.getResourceAsStream("/vectors/capability-vectors.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  static Stream<Vector> sigil() throws IOException {
    List<Vector> out = new ArrayList<>();
    vectors().properties().stream()
        .filter(e -> e.getKey().startsWith("sigil_"))
        .findFirst()
        .orElseThrow()
        .getValue()
        .forEach(v -> out.add(new Vector(v.get("pattern").asText(), v.get("cap").asText(), v.get("match").asBoolean())));
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("sigil")
  void followsSigilSegmentSemantics(Vector v) {
    assertEquals(v.match(), CapabilityPattern.matches(v.pattern(), v.capability()), v.toString());
  }

  /** Wippy's wildcard is a raw string prefix; these of its vectors are bugs Verdict does not repeat. */
  @Test
  void isNeverARawPrefixMatch() throws IOException {
    JsonNode wippy = vectors().properties().stream()
        .filter(e -> e.getKey().startsWith("wippy_")).findFirst().orElseThrow().getValue();
    int checked = 0;
    for (JsonNode v : wippy) {
      if (v.get("pattern").asText().equals("inject.*") && !v.get("value").asText().startsWith("inject.")) {
        assertFalse(CapabilityPattern.matches("inject.*", v.get("value").asText()), v.toString());
        checked++;
      }
    }
    assertEquals(2, checked);
  }

  @Test
  void manyStarsStayFast() {
    assertFalse(CapabilityPattern.matches("*.".repeat(40) + "x", "a.".repeat(60) + "b"));
  }
}
