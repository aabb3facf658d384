package dev.verdict.compiler;

import dev.verdict.ast.Term;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Dotted names of refs ({@code data.a.b}, {@code time.now_ns}) and ground ref paths. */
public final class Names {

  private Names() {}

  /**
   * The dotted name of a ref whose head is a var and whose path is all strings; refs with other
   * path terms render their brackets ({@code data.a[x]}).
   */
  public static String of(Term.Ref ref) {
    StringBuilder sb = new StringBuilder();
    sb.append(switch (ref.head()) {
      case Term.Var v -> v.name();
      case Term.Scalar s when s.value() instanceof StringValue name -> name.value();
      default -> ref.head().toString();
    });
    for (Term p : ref.path()) {
      if (p instanceof Term.Scalar s && s.value() instanceof StringValue str && isIdentifier(str.value())) {
        sb.append('.').append(str.value());
      } else if (p instanceof Term.Scalar s) {
        sb.append('[').append(s.value().toRego()).append(']');
      } else if (p instanceof Term.Var v) {
        sb.append('[').append(v.name()).append(']');
      } else {
        sb.append("[…]");
      }
    }
    return sb.toString();
  }

  /** A path as OPA prints it: {@code data.a.b} or {@code data.a["b-c"]}. */
  public static String ofPath(String root, List<Value> path) {
    StringBuilder sb = new StringBuilder(root);
    for (Value p : path) {
      if (p instanceof StringValue s && isIdentifier(s.value())) {
        sb.append('.').append(s.value());
      } else {
        sb.append('[').append(p.toRego()).append(']');
      }
    }
    return sb.toString();
  }

  public static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** The leading ground (scalar) part of a ref's path. */
  public static List<Value> groundPrefix(List<Term> path) {
    List<Value> out = new ArrayList<>();
    for (Term p : path) {
      if (!(p instanceof Term.Scalar s)) {
        break;
      }
      out.add(s.value());
    }
    return out;
  }

  /** The full path of a rule: its package, its name, then the ground part of its head ref. */
  public static List<Value> rulePath(List<Value> pkg, dev.verdict.ast.Head head) {
    List<Value> path = new ArrayList<>(pkg);
    path.add(StringValue.of(((Term.Var) head.ref().head()).name()));
    path.addAll(groundPrefix(head.ref().path()));
    return path;
  }

  /**
   * A ref to a builtin by name, as a {@code with} value; its head is a string, not a var, so no
   * stage mistakes the name for a variable.
   */
  public static Term.Ref builtinRef(dev.verdict.ast.Location loc, String name) {
    return new Term.Ref(loc, string(loc, name), List.of());
  }

  public static Term.Scalar string(dev.verdict.ast.Location loc, String s) {
    return new Term.Scalar(loc, StringValue.of(s));
  }
}
