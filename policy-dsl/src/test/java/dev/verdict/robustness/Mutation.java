package dev.verdict.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One edit of a policy's text, at token or character level. Positions are taken modulo the text's
 * size, so any mutation applies to any text and shrinks independently of it.
 */
public record Mutation(Kind kind, int at, int other) {

  public enum Kind { DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, COPY_TOKEN, DELETE_CHAR, INSERT_CHAR }

  /** Rego-ish tokens: names, numbers, strings, raw strings, two-character operators, anything else. */
  private static final Pattern TOKEN =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\d+(?:\\.\\d+)?|\"(?:\\\\.|[^\"\\\\\\n])*\"|`[^`]*`|:=|==|!=|<=|>=|\\s+|.", Pattern.DOTALL);

  private static final String INSERTED = "{}[]()\"`.,;:=|&!<>+-*/%_#\\ \n0a$\u00e9";

  public static Arbitrary<Mutation> any() {
    return Combinators.combine(
            Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000))
        .as(Mutation::new);
  }

  public static Arbitrary<List<Mutation>> some() {
    return any().list().ofMinSize(1).ofMaxSize(4);
  }

  public static String applyAll(String text, List<Mutation> mutations) {
    String out = text;
    for (Mutation m : mutations) {
      out = m.apply(out);
    }
    return out;
  }

  public String apply(String text) {
    if (text.isEmpty()) {
      return kind == Kind.INSERT_CHAR ? String.valueOf(inserted()) : text;
    }
    return switch (kind) {
      case DELETE_CHAR -> text.substring(0, at % text.length()) + text.substring(at % text.length() + 1);
      case INSERT_CHAR -> text.substring(0, at % text.length()) + inserted() + text.substring(at % text.length());
      default -> String.join("", editTokens(tokens(text)));
    };
  }

  private List<String> editTokens(List<String> tokens) {
    int i = at % tokens.size();
    int j = other % tokens.size();
    switch (kind) {
      case DELETE_TOKEN -> tokens.remove(i);
      case DUPLICATE_TOKEN -> tokens.add(i, tokens.get(i));
      case SWAP_TOKENS -> tokens.set(j, tokens.set(i, tokens.get(j)));
      case COPY_TOKEN -> tokens.set(i, tokens.get(j));
      default -> throw new IllegalStateException(kind.name());
    }
    return tokens;
  }

  private char inserted() {
    return INSERTED.charAt(other % INSERTED.length());
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
