package dev.verdict.builtins;

import dev.verdict.types.Type;
import java.util.List;

/**
 * A builtin's declared operand and result types. {@code variadic} builtins ({@code print})
 * accept any number of operands of the last declared type.
 */
public record Signature(List<Type> args, Type result, boolean variadic) {
  public Signature {
    args = List.copyOf(args);
  }

  public static Signature of(Type result, Type... args) {
    return new Signature(List.of(args), result, false);
  }

  public int arity() {
    return args.size();
  }
}
