package dev.verdict.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One edit of a policy's text, at token or character level. Positions are taken modulo the text's
 * size, so any mutation applies to any text and shrinks independently of it. Operand edits (names,
 * numbers, strings) mostly keep the syntax, so that mutants get past the parser into evaluation.
 */
public record Mutation(Kind kind, int at, int other) {

  public enum Kind { DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, COPY_TOKEN, SWAP_OPERANDS, COPY_OPERAND, DELETE_CHAR, INSERT_CHAR }

  /**
   * Rego-ish tokens: names, numbers, strings, raw strings, two-character operators, anything else.
   * Possessive quantifiers keep the regex engine from recursing once per character of a long string.
   */
  private static final Pattern TOKEN =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*+|\\d++(?:\\.\\d++)?|\"(?:[^\"\\\\\\n]++|\\\\.)*+\"|`[^`]*+`|:=|==|!=|<=|>=|\\s++|.", Pattern.DOTALL);

  private static final String INSERTED = "{}[]()\"`.,;:=|&!<>+-*/%_#\\ \n0a$\u00e9";

  public static Arbitrary<Mutation> any() {
    Arbitrary<Kind> kinds = Arbitraries.frequency(
        Tuple.of(6, Kind.SWAP_OPERANDS), Tuple.of(6, Kind.COPY_OPERAND), Tuple.of(1, Kind.DELETE_TOKEN), Tuple.of(1, Kind.DUPLICATE_TOKEN),
        Tuple.of(1, Kind.SWAP_TOKENS), Tuple.of(1, Kind.COPY_TOKEN), Tuple.of(1, Kind.DELETE_CHAR), Tuple.of(1, Kind.INSERT_CHAR));
    return Combinators.combine(kinds, Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000))
        .as(Mutation::new);
  }

  public static Arbitrary<List<Mutation>> some() {
    return any().list().ofMinSize(1).ofMaxSize(3);
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
    List<Integer> operands = IntStream.range(0, tokens.size()).filter(k -> isOperand(tokens.get(k))).boxed().toList();
    boolean onOperands = (kind == Kind.SWAP_OPERANDS || kind == Kind.COPY_OPERAND) && !operands.isEmpty();
    int i = onOperands ? operands.get(at % operands.size()) : at % tokens.size();
    int j = onOperands ? operands.get(other % operands.size()) : other % tokens.size();
    switch (kind) {
      case DELETE_TOKEN -> tokens.remove(i);
      case DUPLICATE_TOKEN -> tokens.add(i, tokens.get(i));
      case SWAP_TOKENS, SWAP_OPERANDS -> tokens.set(j, tokens.set(i, tokens.get(j)));
      case COPY_TOKEN, COPY_OPERAND -> tokens.set(i, tokens.get(j));
      default -> throw new IllegalStateException(kind.name());
    }
    return tokens;
  }

  private static boolean isOperand(String token) {
    char c = token.charAt(0);
    return Character.isLetterOrDigit(c) || c == '_' || c == '"' || c == '`';
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
