package dev.verdict.parser;

import static dev.verdict.parser.antlr.RegoLexer.*;

import dev.verdict.ast.Comment;
import dev.verdict.ast.RegoVersion;
import dev.verdict.parser.antlr.RegoLexer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Runs the lexer and settles what a single token cannot: comments and lexical errors are taken
 * out, keywords are turned into identifiers where OPA reads them as names, '[' '(' '.' glued to
 * a term become ref/call tokens, and nesting is bounded so that no later step can overflow.
 */
final class TokenPass {

  /**
   * Deepest bracket nesting accepted. Each level costs a few KiB of stack in the parser and the
   * builder and makes ANTLR's prediction slower for every enclosing level: at this depth the
   * worst input still parses in about a second, and no real policy nests anywhere near it.
   */
  static final int MAX_NESTING = 1_000;

  /**
   * What the parser reads, plus what the lexer saw on the side; {@code nesting} is the bracket
   * depth at each token, {@code depth} the deepest.
   */
  record Lexed(List<Token> tokens, int[] nesting, List<Comment> comments, RegoVersion version, int depth) {}

  private final Errors errors;
  private final BitSet enabled = new BitSet();
  private RegoVersion version;
  private int maxDepth;
  private int[] nesting;

  private TokenPass(Errors errors, RegoVersion version) {
    this.errors = errors;
    this.version = version;
    if (version == RegoVersion.V1) {
      enabled.or(Tokens.FUTURE_KEYWORDS);
    }
  }

  static Lexed run(String file, String text, RegoVersion version, Errors errors) {
    RegoLexer lexer = new RegoLexer(CharStreams.fromString(text, file));
    lexer.removeErrorListeners(); // never called: in every mode, a catch-all rule takes what nothing else does
    List<Token> significant = new ArrayList<>();
    List<Comment> comments = new ArrayList<>();
    Token t;
    do {
      t = lexer.nextToken();
      switch (t.getType()) {
        case COMMENT -> comments.add(new Comment(errors.at(t), t.getText().substring(1)));
        case ILLEGAL -> errors.add(t, illegal(t.getText()));
        case UNTERMINATED_STRING, TPL_UNTERMINATED -> errors.add(t, "non-terminated string");
        default -> {
          if (t.getType() == Token.EOF && inTemplate(lexer)) {
            errors.add(t, "non-terminated string");
          }
          significant.add(t);
        }
      }
    } while (t.getType() != Token.EOF);
    TokenPass pass = new TokenPass(errors, version);
    List<Token> tokens = pass.retype(significant);
    return new Lexed(tokens, pass.nesting, comments, pass.version, pass.maxDepth);
  }

  private static boolean inTemplate(RegoLexer lexer) {
    return lexer._mode != DEFAULT_MODE || lexer._modeStack.contains(TEMPLATE) || lexer._modeStack.contains(RAW_TEMPLATE);
  }

  private static String illegal(String text) {
    return switch (text) {
      case "$", "!" -> "illegal " + text + " character";
      case "\0" -> "illegal null character";
      default -> "illegal token";
    };
  }

  private List<Token> retype(List<Token> in) {
    List<Token> out = new ArrayList<>(in.size());
    nesting = new int[in.size()];
    int depth = 0;
    for (int i = 0; i < in.size(); i++) {
      CommonToken t = (CommonToken) in.get(i);
      Token prev = out.isEmpty() ? null : out.getLast();
      Token next = i + 1 < in.size() ? in.get(i + 1) : null;
      t.setType(typeOf(t, prev, next));
      switch (t.getType()) {
        case IMPORT -> enableFromImport(in, i);
        case LPAREN, LPAREN_CALL, LBRACK, LBRACK_REF, LBRACE, TPL_EXPR, TPL_OPEN, RAW_TPL_OPEN -> {
          if (++depth > MAX_NESTING) {
            errors.add(t, "max parsing recursion depth exceeded (more than " + MAX_NESTING + " nested brackets)");
            throw errors.exception();
          }
          maxDepth = Math.max(maxDepth, depth);
        }
        case RPAREN, RBRACK, RBRACE, TPL_CLOSE, RAW_TPL_CLOSE -> depth = Math.max(0, depth - 1);
        default -> {}
      }
      nesting[i] = depth;
      out.add(t);
    }
    return out;
  }

  private int typeOf(Token t, Token prev, Token next) {
    int type = t.getType();
    boolean afterTerm = prev != null && Tokens.in(Tokens.ENDS_TERM, prev.getType());
    if (Tokens.in(Tokens.KEYWORDS, type)) {
      if (Tokens.in(Tokens.FUTURE_KEYWORDS, type) && !enabled.get(type)) {
        return IDENT;
      }
      if (prev != null && prev.getType() == DOT_REF) {
        return IDENT; // a ref field: foo.if
      }
      // A keyword glued to '.' or '[' starts a ref (if.foo, not[0]) unless it sits in infix
      // position after a term on the same line (x in[1]). `contains(` is the builtin's call.
      boolean infix = afterTerm && Tokens.endLine(prev) == t.getLine();
      boolean refStart =
          next != null
              && Tokens.glued(t, next)
              && (next.getType() == DOT || next.getType() == LBRACK || type == CONTAINS && next.getType() == LPAREN);
      return refStart && !infix ? IDENT : type;
    }
    if (afterTerm && Tokens.glued(prev, t)) {
      return switch (type) {
        case LBRACK -> LBRACK_REF;
        case LPAREN -> LPAREN_CALL;
        case DOT -> DOT_REF;
        default -> type;
      };
    }
    return type;
  }

  /**
   * {@code import future.keywords[.kw]} and {@code import rego.v1} turn keywords on from here to
   * the end, as OPA's scanner does. Malformed imports are reported by the module builder.
   */
  private void enableFromImport(List<Token> in, int at) {
    String root = text(in, at + 1);
    if (!".".equals(text(in, at + 2))) {
      return;
    }
    String second = text(in, at + 3);
    boolean more = ".".equals(text(in, at + 4));
    if (root.equals("rego") && second.equals("v1") && !more) {
      enabled.or(Tokens.FUTURE_KEYWORDS);
      version = RegoVersion.V1;
    } else if (root.equals("future") && second.equals("keywords")) {
      if (!more) {
        enabled.or(Tokens.FUTURE_KEYWORDS);
        return;
      }
      int keyword = in.size() > at + 5 ? in.get(at + 5).getType() : -1;
      if (Tokens.in(Tokens.FUTURE_KEYWORDS, keyword)) {
        enabled.set(keyword);
        if (keyword == EVERY) {
          enabled.set(IN); // as in OPA, `every` brings `in` along
        }
      }
    }
  }

  private static String text(List<Token> in, int i) {
    return i < in.size() ? in.get(i).getText() : "";
  }
}
