package dev.verdict.ast;

import java.util.List;

/**
 * A rule head, following OPA's model.
 *
 * <ul>
 *   <li>{@code ref}: the rule's name as a ref relative to the package, e.g. {@code p}, {@code a.b},
 *       {@code a.b[c].d} (head is a {@link Term.Var}, path terms are strings or terms).
 *   <li>{@code args}: parameters of a function; null for non-functions.
 *   <li>{@code key}: the element of a multi-value rule ({@code p contains x}, v0 {@code p[x] { … }});
 *       null otherwise.
 *   <li>{@code value}: the value of a single-value rule or function; {@code true} (located at the
 *       head) when omitted; null for multi-value rules.
 *   <li>{@code assign}: true when written with {@code :=}.
 * </ul>
 */
public record Head(Location location, Term.Ref ref, List<Term> args, Term key, Term value, boolean assign)
    implements Node {
  public Head {
    args = args == null ? null : List.copyOf(args);
  }

  public boolean isFunction() {
    return args != null;
  }

  public boolean isMultiValue() {
    return key != null && value == null;
  }
}
