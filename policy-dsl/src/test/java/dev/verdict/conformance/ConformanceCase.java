package dev.verdict.conformance;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/** One case of OPA's conformance corpus, as read from its YAML. */
public record ConformanceCase(String category, String id, ObjectValue raw) {

  String query() {
    return string("query");
  }

  public List<String> modules() {
    List<String> out = new ArrayList<>();
    if (raw.get("modules") instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(((StringValue) a.get(i)).value());
      }
    }
    return out;
  }

  Value data() {
    Value d = raw.get("data");
    return d == null || d instanceof dev.verdict.value.NullValue ? ObjectValue.EMPTY : d;
  }

  Value input() {
    return raw.get("input");
  }

  String inputTerm() {
    return string("input_term");
  }

  /** Expected bindings, or null when the case expects an error. */
  ArrayValue wantResult() {
    return raw.get("want_result") instanceof ArrayValue a ? a : null;
  }

  String wantErrorCode() {
    return string("want_error_code");
  }

  String wantError() {
    return string("want_error");
  }

  boolean strictError() {
    return raw.get("strict_error") == BooleanValue.TRUE;
  }

  boolean sortBindings() {
    return raw.get("sort_bindings") == BooleanValue.TRUE;
  }

  Boolean wantDefined() {
    return raw.get("want_defined") instanceof BooleanValue b ? b.value() : null;
  }

  private String string(String key) {
    return raw.get(key) instanceof StringValue s ? s.value() : null;
  }
}
