package dev.verdict.parser;

import static dev.verdict.parser.antlr.RegoLexer.*;

import java.util.BitSet;
import java.util.LinkedHashSet;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Facts about token types shared by the token pass, the error listener and the builders. */
final class Tokens {

  private Tokens() {}

  /** Keywords in every version. */
  static final BitSet KEYWORDS = set(PACKAGE, IMPORT, AS, DEFAULT, ELSE, NOT, SOME, WITH, TRUE, FALSE, NULL, EVERY, IN, CONTAINS, IF);

  /** Keywords that v0 only knows after {@code import future.keywords…} or {@code import rego.v1}. */
  static final BitSet FUTURE_KEYWORDS = set(EVERY, IN, CONTAINS, IF);

  /** Tokens that can end a term, so that a '[' '(' or '.' glued to them continues it. */
  static final BitSet ENDS_TERM =
      set(IDENT, NUMBER, STRING, RAW_STRING, TRUE, FALSE, NULL, RBRACK, RPAREN, RBRACE, TPL_CLOSE, RAW_TPL_CLOSE);

  /** Tokens that can start a term, described together as "term" in messages. */
  private static final BitSet STARTS_TERM =
      set(IDENT, NUMBER, MINUS, DOT, STRING, RAW_STRING, TRUE, FALSE, NULL, LBRACK, LBRACE, LPAREN, TPL_OPEN, RAW_TPL_OPEN);

  /** Tokens that only continue an expression; listing them as expected says nothing useful. */
  private static final BitSet CONTINUES_TERM =
      set(STAR, SLASH, PERCENT, PLUS, MINUS, AMP, PIPE, EQ, NEQ, LT, LTE, GT, GTE, ASSIGN, UNIFY,
          LBRACK_REF, LPAREN_CALL, DOT_REF, NOT, SOME, EVERY);

  /** Whether a type (possibly EOF, which is -1) is in a set. */
  static boolean in(BitSet set, int type) {
    return type >= 0 && set.get(type);
  }

  private static BitSet set(int... types) {
    BitSet set = new BitSet();
    for (int t : types) {
      set.set(t);
    }
    return set;
  }

  static boolean glued(Token before, Token after) {
    return before.getStopIndex() + 1 == after.getStartIndex();
  }

  /** The line a token ends on: of the tokens that end terms, only raw strings span lines. */
  static int endLine(Token token) {
    int line = token.getLine();
    if (token.getType() == RAW_STRING) {
      line += (int) token.getText().chars().filter(c -> c == '\n').count();
    }
    return line;
  }

  /** As OPA names an offending token: "} token", "ident token", "if keyword", "eof token". */
  static String describe(Token token) {
    int type = token.getType();
    return in(KEYWORDS, type) ? token.getText() + " keyword" : name(type) + " token";
  }

  private static String name(int type) {
    return switch (type) {
      case Token.EOF -> "eof";
      case IDENT -> "ident";
      case NUMBER -> "number";
      case STRING, RAW_STRING -> "string";
      case TPL_OPEN, RAW_TPL_OPEN, TPL_TEXT, RAW_TPL_TEXT, TPL_EXPR, TPL_CLOSE, RAW_TPL_CLOSE -> "template-string";
      case LBRACE -> "{";
      case RBRACE -> "}";
      case LBRACK_REF -> "[";
      case LPAREN_CALL -> "(";
      case DOT_REF -> ".";
      default -> {
        String literal = VOCABULARY.getLiteralName(type);
        yield literal == null ? VOCABULARY.getDisplayName(type) : literal.substring(1, literal.length() - 1);
      }
    };
  }

  /**
   * "x or y or term" for the tokens a parser state accepts, "term" standing for every way of
   * starting one; empty when the list would be too long to help.
   */
  static String expected(IntervalSet types) {
    boolean term = types.contains(IDENT) && types.contains(LBRACK);
    var names = new LinkedHashSet<String>();
    for (int type : types.toList()) {
      boolean covered = term ? in(STARTS_TERM, type) : type == DOT && types.contains(NUMBER); // `.5` is a number
      if (!covered && !in(CONTINUES_TERM, type) && type != Token.EOF) {
        names.add(in(KEYWORDS, type) ? VOCABULARY.getLiteralName(type).replace("'", "") : name(type));
      }
    }
    if (term) {
      names.add("term");
    }
    return names.isEmpty() || names.size() > 3 ? "" : String.join(" or ", names);
  }
}
