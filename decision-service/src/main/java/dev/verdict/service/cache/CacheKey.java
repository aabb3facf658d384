package dev.verdict.service.cache;

import dev.verdict.service.store.DocPath;
import dev.verdict.value.Json;
import dev.verdict.value.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a cached answer is valid for: one revision, one path, one evaluation flavour and one input.
 * The input is hashed whole (SHA-256 of its canonical JSON, object keys sorted), never a subset of
 * fields: Shannon's cache left out fields its policies read and served answers for other inputs.
 *
 * <p>A data API request body whose input was answered before also keys the answer by its exact
 * bytes ({@link #ofBody}): the same bytes always hold the same input, so the next identical request
 * is answered without parsing it. The two kinds of hash are taken over different prefixes and never
 * meet.
 *
 * @param inputHash the 32 digest bytes as a 32-character Latin-1 string: compared and hashed like
 *     any string, with no hex formatting per request
 */
public record CacheKey(String revision, DocPath path, boolean strictBuiltinErrors, String inputHash) {

  private static final byte INPUT = '=';
  private static final byte BODY = 'b';
  /** One digest per thread: looking the algorithm up per request cost more than hashing a small body. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(CacheKey::newSha256);

  public static CacheKey of(String revision, DocPath path, boolean strict, Value input) {
    return new CacheKey(revision, path, strict, hash(input));
  }

  /** The key of a whole data API request body, as received. */
  public static CacheKey ofBody(String revision, DocPath path, boolean strict, byte[] body) {
    MessageDigest md = sha256();
    md.update(BODY);
    md.update(body);
    return new CacheKey(revision, path, strict, text(md));
  }

  static String hash(Value input) {
    MessageDigest md = sha256();
    // "No input" hashes nothing at all, so it differs from the JSON text "null".
    if (input != null) {
      md.update(INPUT);
      try {
        Json.write(input, new DigestOutputStream(OutputStream.nullOutputStream(), md), false);
      } catch (IOException e) {
        throw new UncheckedIOException("hashing cannot fail", e);
      }
    }
    return text(md);
  }

  private static String text(MessageDigest md) {
    return new String(md.digest(), StandardCharsets.ISO_8859_1);
  }

  private static MessageDigest sha256() {
    MessageDigest md = SHA256.get();
    md.reset();
    return md;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
