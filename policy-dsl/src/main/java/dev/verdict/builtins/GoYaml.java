package dev.verdict.builtins;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML as OPA reads and writes it through sigs.k8s.io/yaml over go-yaml v2: YAML 1.1 scalar
 * resolution ({@code yes}, {@code on}, {@code 0x1F}, {@code 010}, timestamps), conversion to
 * JSON values (non-string keys become strings, non-finite floats fail), and go-yaml's block
 * output (sorted keys, unindented sequences under keys, quoting only where a plain scalar would
 * read back differently). SnakeYAML parses; resolution and output are done here.
 */
final class GoYaml {

  private GoYaml() {}

  // ---- reading ----

  /** Marks plain scalars, which this class resolves itself. */
  private static final Tag PLAIN = new Tag("tag:verdict.dev,2024:plain");

  private static final class PlainResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {}

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
    }
  }

  private static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setAllowDuplicateKeys(true);
    try {
      Composer composer = new Composer(
          new ParserImpl(new StreamReader(new StringReader(text)), options), new PlainResolver(), options);
      // The first document only, as go-yaml's Unmarshal.
      return composer.checkNode() ? composer.getNode() : null;
    } catch (MarkedYAMLException e) {
      throw new DecodeError(message(e));
    } catch (YAMLException e) {
      throw new DecodeError("yaml: " + e.getMessage());
    }
  }

  /** go-yaml's wording: "yaml: line N: did not find expected ',' or ']'". */
  private static String message(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
    int but = problem.indexOf(", but ");
    if (problem.startsWith("expected ") && but > 0) {
      problem = "did not find " + problem.substring(0, but);
    }
    int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
    return line > 0 ? "yaml: line " + line + ": " + problem : "yaml: " + problem;
  }

  static boolean valid(String text) {
    try {
      Node n = compose(text);
      if (n != null) {
        resolveTree(n, false);
      }
      return true;
    } catch (DecodeError e) {
      return false;
    }
  }

  /** The JSON value of the first document (null for an empty stream). */
  static Value parse(String text) {
    Node n = compose(text);
    return n == null ? NullValue.NULL : resolveTree(n, true);
  }

  /** Sentinel results of resolution that JSON cannot hold. */
  private record NonFinite(String text) {}

  private static Value resolveTree(Node n, boolean json) {
    Object v = resolve(n, json);
    return toValue(v, json);
  }

  private static Value toValue(Object v, boolean json) {
    if (v instanceof NonFinite nf) {
      if (json) {
        throw new DecodeError("json: unsupported value: " + nf.text());
      }
      return NullValue.NULL;
    }
    return (Value) v;
  }

  private static Object resolve(Node n, boolean json) {
    switch (n) {
      case ScalarNode s -> {
        return scalar(s);
      }
      case SequenceNode s -> {
        List<Value> items = new ArrayList<>();
        for (Node child : s.getValue()) {
          items.add(toValue(resolve(child, json), json));
        }
        return ArrayValue.of(items);
      }
      case MappingNode m -> {
        ObjectValue.Builder b = ObjectValue.builder();
        mapping(m, b, json);
        return b.build();
      }
      default -> throw new DecodeError("yaml: unsupported node");
    }
  }

  private static void mapping(MappingNode m, ObjectValue.Builder b, boolean json) {
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (k instanceof ScalarNode ks && ks.getTag().equals(PLAIN) && ks.getValue().equals("<<")) {
        merge(t.getValueNode(), b, json);
        continue;
      }
      Object key = resolve(k, json);
      b.put(StringValue.of(keyString(key, json)), toValue(resolve(t.getValueNode(), json), json));
    }
  }

  private static void merge(Node v, ObjectValue.Builder b, boolean json) {
    if (v instanceof MappingNode m) {
      mapping(m, b, json);
    } else if (v instanceof SequenceNode s) {
      for (Node child : s.getValue()) {
        if (!(child instanceof MappingNode m)) {
          throw new DecodeError("yaml: map merge requires map or sequence of maps as the value");
        }
        mapping(m, b, json);
      }
    } else {
      throw new DecodeError("yaml: map merge requires map or sequence of maps as the value");
    }
  }

  /** How sigs.k8s.io/yaml turns a map key into a JSON object key. */
  private static String keyString(Object key, boolean json) {
    return switch (key) {
      case StringValue s -> s.value();
      case BooleanValue b -> b.value() ? "true" : "false";
      case NumberValue n when n.isInteger() -> n.toString();
      case NumberValue n -> GoFormat.formatFloat((float) n.doubleValue(), 'g', -1);
      case NonFinite nf -> nf.text().equals("NaN") ? ".nan" : nf.text().startsWith("-") ? "-.inf" : ".inf";
      case NullValue n -> {
        if (json) {
          throw new DecodeError("unsupported map key of type: <nil>");
        }
        yield "null";
      }
      default -> {
        if (json) {
          throw new DecodeError("yaml: invalid map key: " + key);
        }
        yield String.valueOf(key);
      }
    };
  }

  private static Object scalar(ScalarNode s) {
    String v = s.getValue();
    Tag tag = s.getTag();
    if (tag.equals(PLAIN)) {
      return resolvePlain(v);
    }
    if (tag.equals(Tag.BINARY)) {
      return StringValue.of(GoStrings.fromUtf8(Base64.getMimeDecoder().decode(v)));
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
      Object r = resolvePlain(v);
      if (!(r instanceof StringValue)) {
        return r;
      }
      throw new DecodeError("yaml: cannot decode !!" + tag.getValue().substring(tag.getValue().lastIndexOf(':') + 1)
          + " `" + v + "`");
    }
    return StringValue.of(v);
  }

  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern TIMESTAMP_START = Pattern.compile("[0-9]{4}-.*");
  private static final Map<String, Value> WORDS = Map.ofEntries(
      Map.entry("y", BooleanValue.TRUE), Map.entry("Y", BooleanValue.TRUE), Map.entry("yes", BooleanValue.TRUE),
      Map.entry("Yes", BooleanValue.TRUE), Map.entry("YES", BooleanValue.TRUE), Map.entry("true", BooleanValue.TRUE),
      Map.entry("True", BooleanValue.TRUE), Map.entry("TRUE", BooleanValue.TRUE), Map.entry("on", BooleanValue.TRUE),
      Map.entry("On", BooleanValue.TRUE), Map.entry("ON", BooleanValue.TRUE),
      Map.entry("n", BooleanValue.FALSE), Map.entry("N", BooleanValue.FALSE), Map.entry("no", BooleanValue.FALSE),
      Map.entry("No", BooleanValue.FALSE), Map.entry("NO", BooleanValue.FALSE), Map.entry("false", BooleanValue.FALSE),
      Map.entry("False", BooleanValue.FALSE), Map.entry("FALSE", BooleanValue.FALSE), Map.entry("off", BooleanValue.FALSE),
      Map.entry("Off", BooleanValue.FALSE), Map.entry("OFF", BooleanValue.FALSE),
      Map.entry("", NullValue.NULL), Map.entry("~", NullValue.NULL), Map.entry("null", NullValue.NULL),
      Map.entry("Null", NullValue.NULL), Map.entry("NULL", NullValue.NULL));

  /** go-yaml v2's resolution of a plain scalar: a Value, or a NonFinite float. */
  static Object resolvePlain(String in) {
    Value word = WORDS.get(in);
    if (word != null) {
      return word;
    }
    switch (in) {
      case ".nan", ".NaN", ".NAN" -> {
        return new NonFinite("NaN");
      }
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
        return new NonFinite("+Inf");
      }
      case "-.inf", "-.Inf", "-.INF" -> {
        return new NonFinite("-Inf");
      }
      default -> {}
    }
    if (in.isEmpty()) {
      return StringValue.EMPTY;
    }
    char c = in.charAt(0);
    if (c == '.') {
      Double d = parseFloat(in);
      return d != null ? NumberValue.of(d) : StringValue.of(in);
    }
    if (c != '+' && c != '-' && (c < '0' || c > '9')) {
      return StringValue.of(in);
    }
    if (TIMESTAMP_START.matcher(in).matches()) {
      String t = timestamp(in);
      if (t != null) {
        return StringValue.of(t);
      }
    }
    String plain = in.replace("_", "");
    BigInteger i = parseGoInt(plain);
    if (i != null && i.bitLength() < 64) {
      return NumberValue.of(i);
    }
    if (i != null && i.signum() > 0 && i.bitLength() <= 64) {
      return NumberValue.of(i); // uint64
    }
    if (FLOAT.matcher(plain).matches()) {
      Double d = parseFloat(plain);
      if (d != null) {
        return NumberValue.of(d);
      }
    }
    return StringValue.of(in);
  }

  /** strconv.ParseFloat, declining values beyond float64 (which go-yaml then keeps as strings). */
  private static Double parseFloat(String s) {
    try {
      double d = new BigDecimal(s.startsWith("+") ? s.substring(1) : s).doubleValue();
      return Double.isInfinite(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** strconv.ParseInt(s, 0, 64) syntax: optional sign, then 0x / 0o / 0b / 0 (octal) or decimal. */
  private static BigInteger parseGoInt(String s) {
    int i = 0;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      neg = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int k = 0; k < body.length(); k++) {
      if (Character.digit(body.charAt(k), radix) < 0 || body.charAt(k) > 'z') {
        return null;
      }
    }
    BigInteger v = new BigInteger(body, radix);
    return neg ? v.negate() : v;
  }

  private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
      .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE).appendLiteral('-')
      .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE).toFormatter();

  /**
   * go-yaml's timestamps ("2006-1-2", "2006-1-2 15:4:5.999999999", "2006-1-2T15:4:5.999999999Z07:00"),
   * as JSON renders a Go time: RFC 3339 with nanoseconds trimmed.
   */
  private static String timestamp(String s) {
    try {
      int sep = indexOfAny(s, "Tt ");
      if (sep < 0) {
        return LocalDate.parse(s, DATE).atStartOfDay().atOffset(ZoneOffset.UTC).format(RFC3339);
      }
      LocalDate date = LocalDate.parse(s.substring(0, sep), DATE);
      String rest = s.substring(sep + 1);
      java.util.regex.Matcher m = Pattern.compile(
          "([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})?").matcher(rest);
      if (!m.matches() || (s.charAt(sep) == ' ' && m.group(5) != null) || (s.charAt(sep) != ' ' && m.group(5) == null)) {
        return null;
      }
      int nanos = m.group(4) == null ? 0 : Integer.parseInt((m.group(4).substring(1) + "00000000").substring(0, 9));
      LocalDateTime t = date.atTime(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), nanos);
      ZoneOffset zone = m.group(5) == null || m.group(5).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(5));
      return OffsetDateTime.of(t, zone).format(RFC3339);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static final DateTimeFormatter RFC3339 = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
      .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .appendOffset("+HH:MM", "Z").toFormatter();

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  // ---- writing ----

  static String marshal(Value v) {
    StringBuilder out = new StringBuilder();
    if (isMultiline(v)) {
      literal(out, ((StringValue) v).value(), 2);
    } else {
      block(out, v, 0, false);
    }
    return out.toString();
  }

  private static boolean isMultiline(Value v) {
    return v instanceof StringValue s && s.value().indexOf('\n') >= 0;
  }

  private static boolean isNonEmptyCollection(Value v) {
    return v instanceof ObjectValue o && !o.isEmpty() || v instanceof ArrayValue a && !a.isEmpty()
        || v instanceof SetValue s && !s.isEmpty();
  }

  /** A mapping or sequence, each entry on its own line at {@code ind}; the first may continue a "- ". */
  private static void block(StringBuilder out, Value v, int ind, boolean inline) {
    switch (v) {
      case ObjectValue o when !o.isEmpty() -> {
        String[] keys = new String[o.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
          keys[i] = o.key(i) instanceof StringValue k ? k.value() : o.key(i).toRego();
          order.add(i);
        }
        order.sort((x, y) -> naturalLess(keys[x], keys[y]) ? -1 : naturalLess(keys[y], keys[x]) ? 1 : 0);
        boolean first = true;
        for (int i : order) {
          if (!(first && inline)) {
            out.append(" ".repeat(ind));
          }
          first = false;
          out.append(scalar(keys[i])).append(':');
          mapValue(out, o.value(i), ind);
        }
      }
      case ArrayValue a when !a.isEmpty() -> sequence(out, a.asList(), ind, inline);
      case SetValue s when !s.isEmpty() -> sequence(out, s.asList(), ind, inline);
      default -> out.append(scalar(v)).append('\n');
    }
  }

  private static void sequence(StringBuilder out, List<Value> items, int ind, boolean inline) {
    boolean first = true;
    for (Value item : items) {
      if (!(first && inline)) {
        out.append(" ".repeat(ind));
      }
      first = false;
      out.append("- ");
      if (isNonEmptyCollection(item)) {
        block(out, item, ind + 2, true);
      } else if (isMultiline(item)) {
        literal(out, ((StringValue) item).value(), ind + 2);
      } else {
        out.append(scalar(item)).append('\n');
      }
    }
  }

  private static void mapValue(StringBuilder out, Value val, int ind) {
    if (val instanceof ObjectValue o && !o.isEmpty()) {
      out.append('\n');
      block(out, val, ind + 2, false);
    } else if (isNonEmptyCollection(val)) {
      out.append('\n');
      block(out, val, ind, false); // go-yaml v2 does not indent a sequence under its key
    } else if (isMultiline(val)) {
      out.append(' ');
      literal(out, ((StringValue) val).value(), ind + 2);
    } else {
      out.append(' ').append(scalar(val)).append('\n');
    }
  }

  /** go-yaml's key order: digit runs compare by value ("a2" before "a10"). */
  private static boolean naturalLess(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    boolean digits = false;
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        digits = Character.isDigit(ar[i]);
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return digits ? al : bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }

  private static String scalar(Value v) {
    return switch (v) {
      case NullValue n -> "null";
      case BooleanValue b -> b.value() ? "true" : "false";
      case NumberValue n -> number(n);
      case StringValue s -> scalar(s.value());
      case ObjectValue o -> "{}";
      default -> "[]";
    };
  }

  /** As the number reaches go-yaml through JSON: an int when it is one, else a float64. */
  private static String number(NumberValue n) {
    if (n.isLong()) {
      return n.toString();
    }
    if (n.isInteger() && n.signum() > 0 && n.bigDecimalValue().precision() - n.bigDecimalValue().scale() <= 20) {
      BigInteger i = n.bigIntegerValue();
      if (i.bitLength() == 64) {
        return i.toString(); // a uint64
      }
    }
    double d = n.doubleValue();
    if (Double.isInfinite(d)) {
      return n.toString();
    }
    return GoFormat.formatFloat(d, 'g', -1);
  }

  /** A string in the plainest style that reads back as the same string. */
  private static String scalar(String s) {
    // Quoted when a plain scalar would read back as something else (a number, bool, null, timestamp...).
    if (!(resolvePlain(s) instanceof StringValue read && read.value().equals(s)) || s.equals("<<") || hasSpecial(s)) {
      return doubleQuoted(s);
    }
    return plainAllowed(s) ? s : "'" + s.replace("'", "''") + "'";
  }

  private static boolean plainAllowed(String s) {
    if (s.isEmpty() || s.startsWith("---") || s.startsWith("...")) {
      return false;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    if (first == ' ' || last == ' ' || "#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
      return false;
    }
    if ("?:-".indexOf(first) >= 0 && (s.length() == 1 || s.charAt(1) == ' ')) {
      return false;
    }
    if (last == ':') {
      return false;
    }
    return !s.contains(": ") && !s.contains(" #");
  }

  private static boolean hasSpecial(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c != '\n' && !(c == 0x85 || c >= 0x20 && c != 0x7F && GoFormat.isPrint(c) || c >= 0xA0 && c <= 0xD7FF)) {
        return true;
      }
    }
    return false;
  }

  private static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case 0 -> b.append("\\0");
        case 0x07 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case 0x0B -> b.append("\\v");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        case 0x1B -> b.append("\\e");
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case 0x85 -> b.append("\\N");
        case 0xA0 -> b.append("\\_");
        case 0x2028 -> b.append("\\L");
        case 0x2029 -> b.append("\\P");
        default -> {
          if (c >= 0x20 && c != 0x7F && GoFormat.isPrint(c)) {
            b.appendCodePoint(c);
          } else if (c <= 0xFF) {
            b.append(String.format("\\x%02X", c));
          } else if (c <= 0xFFFF) {
            b.append(String.format("\\u%04X", c));
          } else {
            b.append(String.format("\\U%08X", c));
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A literal block: {@code |-}, {@code |} or {@code |+} by trailing newlines, lines at {@code ind}. */
  private static void literal(StringBuilder out, String s, int ind) {
    int trailing = 0;
    while (trailing < s.length() && s.charAt(s.length() - 1 - trailing) == '\n') {
      trailing++;
    }
    out.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+").append('\n');
    String body = s.substring(0, s.length() - trailing);
    Iterator<String> lines = List.of(body.split("\n", -1)).iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      if (!line.isEmpty()) {
        out.append(" ".repeat(ind)).append(line);
      }
      out.append('\n');
    }
    for (int k = 1; k < trailing; k++) {
      out.append('\n');
    }
  }
}
