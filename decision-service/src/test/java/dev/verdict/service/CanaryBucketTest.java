package dev.verdict.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.service.decision.CanaryBucket;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.Json;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Shannon's bucket, against the vendored vectors (src/test/resources/vectors/SOURCE.md). */
class CanaryBucketTest {

  @Test
  void matchesShannonsVectors() throws Exception {
    Value doc;
    try (InputStream in = getClass().getResourceAsStream("/vectors/canary-vectors.json")) {
      doc = Json.parse(in);
    }
    ArrayValue vectors = (ArrayValue) ((ObjectValue) doc).get("vectors");
    assertEquals(6, vectors.size());
    for (Value v : vectors.asList()) {
      ObjectValue o = (ObjectValue) v;
      String input = ((StringValue) o.get("hash_input")).value();
      assertEquals(((NumberValue) o.get("bucket")).longValue(), CanaryBucket.of(input), input);
    }
  }
}
