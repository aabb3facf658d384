package dev.verdict.types;

import java.util.List;

/**
 * Static types of Rego values, as OPA's type checker knows them: used for builtin signatures and
 * for the compiler's type checks. {@link Any} with no members is the top type.
 */
public sealed interface Type {

  Type NULL = new Null();
  Type BOOLEAN = new Bool();
  Type NUMBER = new Num();
  Type STRING = new Str();
  Type ANY = new Any(List.of());
  Type ANY_ARRAY = new Array(ANY);
  Type ANY_SET = new SetOf(ANY);
  Type ANY_OBJECT = new ObjectOf(ANY, ANY);

  record Null() implements Type {
    @Override
    public String toString() {
      return "null";
    }
  }

  record Bool() implements Type {
    @Override
    public String toString() {
      return "boolean";
    }
  }

  record Num() implements Type {
    @Override
    public String toString() {
      return "number";
    }
  }

  record Str() implements Type {
    @Override
    public String toString() {
      return "string";
    }
  }

  record Array(Type element) implements Type {
    @Override
    public String toString() {
      return "array[" + element + "]";
    }
  }

  record SetOf(Type element) implements Type {
    @Override
    public String toString() {
      return "set[" + element + "]";
    }
  }

  record ObjectOf(Type key, Type value) implements Type {
    @Override
    public String toString() {
      return "object[" + key + ": " + value + "]";
    }
  }

  /** One of the member types; no members means any value at all. */
  record Any(List<Type> members) implements Type {
    public Any {
      members = List.copyOf(members);
    }

    @Override
    public String toString() {
      return members.isEmpty() ? "any" : "any<" + String.join(", ", members.stream().map(Type::toString).toList()) + ">";
    }
  }

  static Type anyOf(Type... members) {
    return new Any(List.of(members));
  }

  static Type arrayOf(Type element) {
    return new Array(element);
  }

  static Type setOf(Type element) {
    return new SetOf(element);
  }

  static Type objectOf(Type key, Type value) {
    return new ObjectOf(key, value);
  }
}
