package dev.verdict.error;

import dev.verdict.ast.Location;

/**
 * One error with OPA's code ({@code rego_parse_error}, {@code rego_compile_error},
 * {@code rego_unsafe_var_error}, {@code rego_recursion_error}, {@code rego_type_error},
 * {@code eval_conflict_error}, {@code eval_type_error}, {@code eval_builtin_error}, …), a message
 * and where it happened. {@code toString} gives {@code file:row:col: code: message}.
 */
public record RegoError(String code, String message, Location location) {

  public static final String PARSE = "rego_parse_error";
  public static final String COMPILE = "rego_compile_error";
  public static final String UNSAFE_VAR = "rego_unsafe_var_error";
  public static final String RECURSION = "rego_recursion_error";
  public static final String TYPE = "rego_type_error";
  public static final String EVAL_CONFLICT = "eval_conflict_error";
  public static final String EVAL_TYPE = "eval_type_error";
  public static final String EVAL_BUILTIN = "eval_builtin_error";
  /** Raised when a query runs past its deadline or step budget. */
  public static final String EVAL_CANCEL = "eval_cancel_error";
  public static final String EVAL_INTERNAL = "eval_internal_error";

  @Override
  public String toString() {
    if (location == null || location.row() == 0) {
      return code + ": " + message;
    }
    return location + ": " + code + ": " + message;
  }
}
