package dev.verdict.compiler;

import java.util.Map;

/**
 * Calls the evaluator implements itself rather than through the builtin registry, with their
 * operand counts: unification, assignment, membership, and {@code print} (which must see
 * undefined operands), and the rule metadata calls (constants of the rule they are in).
 */
public final class SpecialForms {

  public static final Map<String, Integer> ARITY =
      Map.of("eq", 2, "assign", 2, "internal.member_2", 2, "internal.member_3", 3, "print", -1, "internal.print", 1,
          "rego.metadata.chain", 0, "rego.metadata.rule", 0);

  private SpecialForms() {}

  public static boolean is(String name) {
    return ARITY.containsKey(name);
  }
}
