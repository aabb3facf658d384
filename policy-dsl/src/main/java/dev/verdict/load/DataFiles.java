package dev.verdict.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.verdict.ast.Location;
import dev.verdict.value.Json;
import dev.verdict.value.NullValue;
import dev.verdict.value.Value;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads policy text and JSON/YAML documents from files, turning every failure into a
 * {@link LoadError} that names the file (and the line and column for syntax errors).
 */
public final class DataFiles {

  private static final JsonFactory YAML = new YAMLFactory();

  private DataFiles() {}

  public static boolean isYaml(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  public static byte[] readBytes(Path path, String name) throws LoadException {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new LoadException(LoadError.of(name + ": " + describe(e)));
    }
  }

  /** The file as UTF-8 text (a leading byte-order mark dropped); anything else is rejected. */
  public static String readText(Path path, String name) throws LoadException {
    byte[] bytes = readBytes(path, name);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\ufeff") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new LoadException(LoadError.of(name + ": not valid UTF-8 text"));
    }
  }

  /** One JSON document, or YAML when {@code yaml}; an empty YAML document is null. */
  public static Value parse(String name, byte[] bytes, boolean yaml) throws LoadException {
    String kind = yaml ? "YAML" : "JSON";
    try (JsonParser p = (yaml ? YAML : Json.factory()).createParser(bytes)) {
      if (p.nextToken() == null) {
        if (yaml) {
          return NullValue.NULL;
        }
        throw new LoadException(LoadError.of(name + ": invalid JSON: empty document"));
      }
      Value v = Json.read(p);
      if (p.nextToken() != null) {
        throw new LoadException(at(name, p.currentTokenLocation(), "invalid " + kind + ": unexpected content after the document"));
      }
      return v;
    } catch (JsonProcessingException e) {
      throw new LoadException(at(name, e.getLocation(), "invalid " + kind + ": " + firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new LoadException(LoadError.of(name + ": " + describe(e)));
    } catch (Json.JsonException e) {
      // YAML can hold things JSON cannot (binary scalars, …).
      throw new LoadException(LoadError.of(name + ": invalid " + kind + ": " + e.getMessage()));
    }
  }

  private static LoadError at(String name, JsonLocation loc, String message) {
    if (loc == null || loc.getLineNr() <= 0) {
      return LoadError.of(name + ": " + message);
    }
    return new LoadError(message, new Location(name, loc.getLineNr(), Math.max(1, loc.getColumnNr())));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed document";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The short form opa (Go) uses for I/O errors, rather than Java's exception names. */
  public static String describe(IOException e) {
    return switch (e) {
      case NoSuchFileException n -> "no such file or directory";
      case AccessDeniedException a -> "permission denied";
      default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    };
  }
}
