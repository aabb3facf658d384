package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.BOOLEAN;
import static dev.verdict.types.Type.STRING;

import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** base64, base64url, hex, urlquery, json and yaml encodings, with Go's rules and messages. */
final class EncodingBuiltins {

  private EncodingBuiltins() {}

  static void register(BuiltinRegistry r) {
    Signature strToStr = Signature.of(STRING, STRING);
    Signature strToBool = Signature.of(BOOLEAN, STRING);
    codec(r, "base64.encode", s -> GoCodecs.base64(utf8(s), false, true));
    codec(r, "base64.decode", s -> GoStrings.fromUtf8(GoCodecs.unbase64(s, false)));
    r.function("base64.is_valid", strToBool, (ctx, a) -> BooleanValue.of(a[0] instanceof StringValue s && decodes(s.value())));
    codec(r, "base64url.encode", s -> GoCodecs.base64(utf8(s), true, true));
    codec(r, "base64url.encode_no_pad", s -> GoCodecs.base64(utf8(s), true, false));
    codec(r, "base64url.decode", EncodingBuiltins::base64UrlDecode);
    codec(r, "hex.encode", s -> GoCodecs.hex(utf8(s)));
    codec(r, "hex.decode", s -> GoStrings.fromUtf8(GoCodecs.unhex(s)));
    codec(r, "urlquery.encode", GoCodecs::queryEscape);
    codec(r, "urlquery.decode", GoCodecs::queryUnescape);
    Type queryValue = Type.anyOf(STRING, Type.arrayOf(STRING), Type.setOf(STRING));
    r.function("urlquery.encode_object", Signature.of(STRING, Type.objectOf(STRING, queryValue)), (ctx, a) -> encodeObject(a));
    r.function("urlquery.decode_object", Signature.of(Type.objectOf(STRING, Type.arrayOf(STRING)), STRING), (ctx, a) -> decodeObject(a));

    r.function("json.marshal", Signature.of(STRING, ANY), (ctx, a) -> StringValue.of(GoJsonWriter.marshal(a[0])));
    r.function("json.marshal_with_options",
        Signature.of(STRING, ANY, Type.objectOf(STRING, Type.anyOf(BOOLEAN, STRING))), EncodingBuiltins::marshalWithOptions);
    decoder(r, "json.unmarshal", Signature.of(ANY, STRING), GoJson::parse);
    r.function("json.is_valid", strToBool, (ctx, a) -> BooleanValue.of(a[0] instanceof StringValue s && GoJson.valid(s.value())));
    r.function("yaml.marshal", Signature.of(STRING, ANY), (ctx, a) -> StringValue.of(GoYamlWriter.marshal(a[0])));
    decoder(r, "yaml.unmarshal", Signature.of(ANY, STRING), GoYaml::parse);
    r.function("yaml.is_valid", strToBool, (ctx, a) -> BooleanValue.of(a[0] instanceof StringValue s && GoYaml.valid(s.value())));
  }

  /** A string-to-string builtin whose decoding failures are builtin errors. */
  private static void codec(BuiltinRegistry r, String name, Function<String, String> fn) {
    decoder(r, name, Signature.of(STRING, STRING), s -> StringValue.of(fn.apply(s)));
  }

  private static void decoder(BuiltinRegistry r, String name, Signature sig, Function<String, Value> fn) {
    r.function(name, sig, (ctx, a) -> {
      String s = Operands.string(a, 0);
      try {
        return fn.apply(s);
      } catch (DecodeError e) {
        throw Args.error(e.getMessage());
      }
    });
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean decodes(String s) {
    try {
      GoCodecs.unbase64(s, false);
      return true;
    } catch (DecodeError e) {
      return false;
    }
  }

  /** Encoders that drop padding are common, so it is restored first (RFC 7515, appendix C). */
  private static String base64UrlDecode(String s) {
    if (!s.endsWith("=")) {
      switch (s.length() % 4) {
        case 0 -> {}
        case 2 -> s += "==";
        case 3 -> s += "=";
        default -> throw new DecodeError("illegal base64url string: " + s);
      }
    }
    return GoStrings.fromUtf8(GoCodecs.unbase64(s, true));
  }

  private static Value encodeObject(Value[] a) {
    ObjectValue obj = Operands.object(a, 0);
    // url.Values.Encode sorts keys by their bytes.
    Map<String, List<String>> query = new TreeMap<>(EncodingBuiltins::compareUtf8);
    for (int i = 0; i < obj.size(); i++) {
      String key = obj.key(i) instanceof StringValue k ? k.value() : obj.key(i).toRego();
      Value v = obj.value(i);
      List<String> values = new ArrayList<>();
      switch (v) {
        case StringValue s -> values.add(s.value());
        case ArrayValue arr -> addStrings(arr.asList(), values);
        case SetValue set -> addStrings(set.asList(), values);
        default -> throw valuesError();
      }
      query.put(key, values);
    }
    StringBuilder b = new StringBuilder();
    query.forEach((k, vs) -> {
      for (String v : vs) {
        if (!b.isEmpty()) {
          b.append('&');
        }
        b.append(GoCodecs.queryEscape(k)).append('=').append(GoCodecs.queryEscape(v));
      }
    });
    return StringValue.of(b.toString());
  }

  private static void addStrings(List<Value> items, List<String> into) {
    for (Value e : items) {
      if (!(e instanceof StringValue s)) {
        throw valuesError();
      }
      into.add(s.value());
    }
  }

  private static BuiltinException valuesError() {
    return Args.operandError(1, "values must be string, array[string], or set[string]");
  }

  private static int compareUtf8(String x, String y) {
    return java.util.Arrays.compareUnsigned(utf8(x), utf8(y));
  }

  private static Value decodeObject(Value[] a) {
    String query = Operands.string(a, 0);
    Map<String, List<String>> params;
    try {
      params = GoCodecs.parseQuery(query);
    } catch (DecodeError e) {
      throw Args.error(e.getMessage());
    }
    ObjectValue.Builder b = ObjectValue.builder();
    params.forEach((k, vs) -> {
      Value[] values = new Value[vs.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = StringValue.of(vs.get(i));
      }
      b.put(StringValue.of(k), ArrayValue.wrap(values));
    });
    return b.build();
  }

  /**
   * Options {@code pretty}, {@code prefix} and {@code indent}; a prefix or indent alone implies
   * pretty output. Messages quote keys as Rego strings and number options from 0, as OPA does.
   */
  private static Value marshalWithOptions(BuiltinContext ctx, Value[] a) {
    ObjectValue opts = Operands.object(a, 1);
    String indent = "\t";
    String prefix = "";
    boolean implicitPretty = false;
    Boolean explicitPretty = null;
    for (int idx = 0; idx < opts.size(); idx++) {
      Value k = opts.key(idx);
      Value v = opts.value(idx);
      if (!(k instanceof StringValue key)) {
        throw Args.operandError(2, "failed to stringify key " + k.toRego() + " at index " + idx + ": operand " + idx
            + " must be string but got " + k.typeName());
      }
      switch (key.value()) {
        case "prefix", "indent" -> {
          if (!(v instanceof StringValue s)) {
            throw Args.operandError(2, "key " + key.toRego() + " failed cast to string: operand " + idx
                + " must be string but got " + v.typeName());
          }
          if (key.value().equals("prefix")) {
            prefix = s.value();
          } else {
            indent = s.value();
          }
          implicitPretty = true;
        }
        case "pretty" -> {
          if (!(v instanceof BooleanValue b)) {
            throw Args.operandError(2, "key " + key.toRego() + " failed cast to bool");
          }
          explicitPretty = b.value();
        }
        default -> throw Args.operandError(2, "object contained unknown key " + key.toRego());
      }
    }
    boolean pretty = explicitPretty != null ? explicitPretty : implicitPretty;
    // MarshalIndent does not prefix the first line; OPA adds it.
    return StringValue.of(pretty ? prefix + GoJsonWriter.marshalIndent(a[0], prefix, indent) : GoJsonWriter.marshal(a[0]));
  }
}
