package dev.verdict.service.cache;

import dev.verdict.service.store.DocPath;
import dev.verdict.value.Json;
import dev.verdict.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a cached answer is valid for: one revision, one path, one evaluation flavour and one input.
 * The input is hashed whole (SHA-256 of its canonical JSON, object keys sorted), never a subset of
 * fields: Shannon's cache left out fields its policies read and served answers for other inputs.
 */
public record CacheKey(String revision, DocPath path, boolean strictBuiltinErrors, String inputHash) {

  public static CacheKey of(String revision, DocPath path, boolean strict, Value input) {
    return new CacheKey(revision, path, strict, hash(input));
  }

  static String hash(Value input) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      // "no input" and the JSON text "null" must differ.
      byte[] text = input == null ? new byte[0] : ("=" + Json.toJson(input)).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(md.digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
