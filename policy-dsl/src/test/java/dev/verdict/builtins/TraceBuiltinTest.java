package dev.verdict.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verdict.PolicySet;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.eval.EvalOptions;
import dev.verdict.value.BooleanValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code trace} writes a note where print output goes and is always true. */
class TraceBuiltinTest {

  @Test
  void traceNotesReachTheQueryOutputInOrderWithPrint() {
    PolicySet set = Verdict.compile(Sources.builder()
        .module("t.rego", "package t\np if { trace(\"checking \\\"x\\\"\"); print(\"then\", 1) }\n")
        .build());
    List<String> lines = new ArrayList<>();
    var result = set.eval("t/p", EvalOptions.builder().printer(lines::add).build());
    assertEquals(BooleanValue.TRUE, result.value());
    assertEquals(List.of("Note \"checking \\\"x\\\"\"", "then 1"), lines);
  }
}
