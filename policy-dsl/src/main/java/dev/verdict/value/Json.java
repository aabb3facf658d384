package dev.verdict.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Reads and writes values as JSON with Jackson's streaming API, without an intermediate tree.
 * Numbers are read exactly; objects are written with sorted keys, sets as sorted arrays, and
 * non-string object keys as their JSON text (as OPA does).
 */
public final class Json {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(10_000)
                  .maxNumberLength(100_000)
                  .maxStringLength(Integer.MAX_VALUE)
                  .build())
          // Whatever a value holds can be written: writing is iterative, and values come from
          // readers that bound their own nesting or from the embedding program.
          .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
          .build();

  private Json() {}

  public static JsonFactory factory() {
    return FACTORY;
  }

  public static Value parse(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readDocument(p);
    } catch (IOException e) {
      throw JsonException.of(e);
    }
  }

  public static Value parse(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      return readDocument(p);
    }
  }

  public static Value parse(byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readDocument(p);
    } catch (IOException e) {
      throw JsonException.of(e);
    }
  }

  /** Reads one whole document and rejects trailing content. */
  public static Value readDocument(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonException("empty document", null);
    }
    Value v = read(p);
    if (p.nextToken() != null) {
      throw new JsonException("unexpected content after the document at " + describe(p), null);
    }
    return v;
  }

  /**
   * Reads the value starting at the parser's current token (JSON or YAML parsers alike). Open
   * containers are kept on a heap stack, so any nesting the factory allows reads on any thread.
   */
  public static Value read(JsonParser p) throws IOException {
    Deque<Open> open = new ArrayDeque<>();
    JsonToken t = p.currentToken();
    while (true) {
      Value v;
      switch (t) {
        case START_ARRAY, START_OBJECT -> {
          open.push(new Open(t == JsonToken.START_OBJECT));
          t = p.nextToken();
          continue;
        }
        case FIELD_NAME -> {
          open.peek().key = StringValue.of(p.currentName());
          t = p.nextToken();
          continue;
        }
        case END_ARRAY, END_OBJECT -> v = open.pop().build();
        default -> v = scalar(p, t);
      }
      if (open.isEmpty()) {
        return v;
      }
      open.peek().add(v);
      t = p.nextToken();
    }
  }

  /** An array or object being read; an object's members go to plain arrays, not a builder's map. */
  private static final class Open {
    private final List<Value> elements;
    private Value[] keys;
    private Value[] values;
    private int size;
    private StringValue key;

    Open(boolean object) {
      elements = object ? null : new ArrayList<>();
      keys = object ? new Value[8] : null;
      values = object ? new Value[8] : null;
    }

    void add(Value v) {
      if (keys == null) {
        elements.add(v);
        return;
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size++] = v;
    }

    Value build() {
      return keys != null ? ObjectValue.ofEntries(keys, values, size) : ArrayValue.of(elements);
    }
  }

  private static Value scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NULL -> NullValue.NULL;
      case VALUE_TRUE -> BooleanValue.TRUE;
      case VALUE_FALSE -> BooleanValue.FALSE;
      case VALUE_STRING -> StringValue.of(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT, LONG -> NumberValue.of(p.getLongValue());
        default -> NumberValue.of(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NumberValue.of(p.getDecimalValue());
      default -> throw new JsonException("unexpected " + t + " at " + describe(p), null);
    };
  }

  private static String describe(JsonParser p) {
    var loc = p.currentLocation();
    return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  public static String toJson(Value v) {
    // Most decisions are a boolean: their text needs no generator.
    if (v instanceof BooleanValue b) {
      return b.value() ? "true" : "false";
    }
    return write(v, false);
  }

  public static String toPrettyJson(Value v) {
    return write(v, true);
  }

  private static String write(Value v, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.setPrettyPrinter(prettyPrinter());
      }
      write(v, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes {@code v} to {@code out} as UTF-8, without closing {@code out}. */
  public static void write(Value v, OutputStream out, boolean pretty) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      if (pretty) {
        g.setPrettyPrinter(prettyPrinter());
      }
      write(v, g);
    }
  }

  public static void write(Value v, Writer out, boolean pretty) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.setPrettyPrinter(prettyPrinter());
      }
      write(v, g);
    }
  }

  /** Two-space indentation and {@code "key": value}, as {@code opa eval} prints. */
  public static DefaultPrettyPrinter prettyPrinter() {
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withRootSeparator(""));
    pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    return pp;
  }

  /** Writes {@code v}; containers are opened and closed from a heap stack, as {@link #read} does. */
  public static void write(Value v, JsonGenerator g) throws IOException {
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(v);
    while (!todo.isEmpty()) {
      switch (todo.pop()) {
        case Close.ARRAY -> g.writeEndArray();
        case Close.OBJECT -> g.writeEndObject();
        case SerializedString name -> g.writeFieldName(name);
        case NullValue n -> g.writeNull();
        case BooleanValue b -> g.writeBoolean(b.value());
        case NumberValue n -> {
          if (n.isLong()) {
            g.writeNumber(n.longValue());
          } else {
            g.writeNumber(n.toString());
          }
        }
        case StringValue s -> g.writeString(s.value());
        case ArrayValue a -> {
          g.writeStartArray();
          todo.push(Close.ARRAY);
          for (int i = a.size() - 1; i >= 0; i--) {
            todo.push(a.get(i));
          }
        }
        case SetValue s -> {
          g.writeStartArray();
          todo.push(Close.ARRAY);
          for (int i = s.size() - 1; i >= 0; i--) {
            todo.push(s.get(i));
          }
        }
        case ObjectValue o -> {
          g.writeStartObject();
          todo.push(Close.OBJECT);
          for (int i = o.size() - 1; i >= 0; i--) {
            Value k = o.key(i);
            todo.push(o.value(i));
            todo.push(k instanceof StringValue s ? new SerializedString(s.value()) : new SerializedString(toJson(k)));
          }
        }
        default -> throw new IllegalStateException("not a value");
      }
    }
  }

  private enum Close { ARRAY, OBJECT }

  /** A document that is not valid JSON. */
  public static final class JsonException extends RuntimeException {
    public JsonException(String message, Throwable cause) {
      super(message, cause);
    }

    /** Jackson's message without its source dump, with the line and column it names. */
    static JsonException of(IOException e) {
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
        return new JsonException(
            j.getOriginalMessage() + " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr(), e);
      }
      return new JsonException(e.getMessage(), e);
    }
  }
}
