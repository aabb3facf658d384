package dev.verdict.builtins;

import dev.verdict.value.Value;

/**
 * A builtin failed. The evaluator prefixes the builtin's name ({@code "div: divide by zero"})
 * and, unless strict builtin errors are on, turns the failure into an undefined expression.
 */
public final class BuiltinException extends RuntimeException {

  /** OPA's error codes for builtin failures. */
  public enum Code {
    BUILTIN_ERROR("eval_builtin_error"),
    TYPE_ERROR("eval_type_error");

    private final String code;

    Code(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Code code;

  public BuiltinException(Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  public static BuiltinException error(String message) {
    return new BuiltinException(Code.BUILTIN_ERROR, message);
  }

  /** "operand N must be EXPECTED but got TYPE", OPA's wording for wrong operand types. */
  public static BuiltinException operandType(int operand, String expected, Value got) {
    return new BuiltinException(
        Code.TYPE_ERROR, "operand " + operand + " must be " + expected + " but got " + got.typeName());
  }
}
