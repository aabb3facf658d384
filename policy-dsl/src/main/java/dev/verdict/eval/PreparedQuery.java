package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A planned query: each run answers the bindings of its named vars, one map per solution. */
public final class PreparedQuery {

  private final Program program;
  /** Where limits hit outside any rule or builtin call are reported. */
  private final Location location;
  private final Step first;
  private final int frameSize;
  private final String[] names;
  private final int[] slots;

  PreparedQuery(Program program, Location location, Step first, int frameSize, Map<String, Integer> slotsByName) {
    this.program = program;
    this.location = location;
    this.first = first;
    this.frameSize = frameSize;
    List<String> visible = new ArrayList<>();
    for (String name : slotsByName.keySet()) {
      if (!name.startsWith("$") && !name.contains("$")) {
        visible.add(name);
      }
    }
    this.names = visible.toArray(new String[0]);
    this.slots = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      slots[i] = slotsByName.get(names[i]);
    }
  }

  /** The names of the vars a solution binds, in order of first appearance. */
  public List<String> vars() {
    return List.of(names);
  }

  /**
   * Every solution's bindings; an empty list when the query is undefined.
   *
   * @throws EvalException on conflicts, strict builtin errors and limits
   */
  public List<Map<String, Value>> run(Value data, EvalOptions options) {
    Ev ev = new Ev(program, data, options);
    ev.location = location;
    List<Map<String, Value>> results = new ArrayList<>();
    Value[] f = new Value[frameSize];
    Program.guard(ev, () -> ev.run(first, f, (e, frame) -> {
      Map<String, Value> b = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        if (frame[slots[i]] != null) {
          b.put(names[i], frame[slots[i]]);
        }
      }
      results.add(b);
      return false;
    }));
    return results;
  }
}
