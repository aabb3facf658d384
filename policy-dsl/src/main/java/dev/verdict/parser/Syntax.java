package dev.verdict.parser;

import dev.verdict.parser.antlr.RegoParser;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Runs the ANTLR parser in two stages: SLL prediction without error recovery, which is fast and
 * right for nearly all input, and, when that fails, full LL with error recovery, which is exact
 * and reports every syntax error.
 */
final class Syntax {

  private Syntax() {}

  /** The parse tree, or the syntax errors (thrown). */
  static <T extends ParserRuleContext> T parse(List<Token> tokens, Errors errors, Function<RegoParser, T> start) {
    T tree = fast(tokens, start, null);
    return tree != null ? tree : exact(tokens, errors, start);
  }

  /**
   * The SLL stage, with {@code listener} told of each rule as the parser leaves it; null when it
   * fails, on a syntax error or on input only LL decides.
   */
  static <T extends ParserRuleContext> T fast(List<Token> tokens, Function<RegoParser, T> start, ParseTreeListener listener) {
    RegoParser parser = new RegoParser(new CommonTokenStream(new ListTokenSource(tokens)));
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    if (listener != null) {
      parser.addParseListener(listener);
    }
    try {
      return start.apply(parser);
    } catch (ParseCancellationException e) {
      return null;
    }
  }

  /** The LL stage: every syntax error reported, and thrown. */
  static <T extends ParserRuleContext> T exact(List<Token> tokens, Errors errors, Function<RegoParser, T> start) {
    RegoParser parser = new RegoParser(new CommonTokenStream(new ListTokenSource(tokens)));
    parser.removeErrorListeners();
    parser.setErrorHandler(new Recovery());
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    parser.addErrorListener(new Listener(errors));
    T tree = start.apply(parser);
    errors.throwIfAny();
    return tree;
  }

  /**
   * Hands each finished {@code type} node to {@code consumer}, then drops it from the tree, so that
   * the whole tree of a large input is never held at once.
   */
  static <C extends ParserRuleContext> ParseTreeListener consumeEach(Class<C> type, Consumer<C> consumer) {
    return new ParseTreeListener() {
      @Override
      public void exitEveryRule(ParserRuleContext ctx) {
        // The parser also leaves rules while a syntax error unwinds it; those are not finished.
        if (type.isInstance(ctx) && ctx.exception == null) {
          consumer.accept(type.cast(ctx));
          ctx.getParent().removeLastChild();
        }
      }

      @Override
      public void enterEveryRule(ParserRuleContext ctx) {}

      @Override
      public void visitTerminal(TerminalNode node) {}

      @Override
      public void visitErrorNode(ErrorNode node) {}
    };
  }

  /**
   * ANTLR's recovery without its guesses: a missing or extra token is not patched in or out (which
   * turned one mistake into several); the rule gives up and the parser resynchronizes.
   */
  private static final class Recovery extends DefaultErrorStrategy {
    @Override
    protected Token singleTokenDeletion(org.antlr.v4.runtime.Parser recognizer) {
      return null;
    }

    @Override
    protected boolean singleTokenInsertion(org.antlr.v4.runtime.Parser recognizer) {
      return false;
    }
  }

  /**
   * Turns ANTLR's reports into OPA's wording ("unexpected } token: expected ]"). A failed
   * prediction rewinds the input before recovery, which then re-reports tokens before the real
   * error; only errors that move forward through the input are kept.
   */
  private static final class Listener extends BaseErrorListener {
    private final Errors errors;
    private int reportedUpTo = -1;

    Listener(Errors errors) {
      this.errors = errors;
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer, Object symbol, int line, int col, String msg, RecognitionException e) {
      Token token = (Token) symbol;
      if (token.getTokenIndex() <= reportedUpTo) {
        return;
      }
      reportedUpTo = token.getTokenIndex();
      // A failed prediction knows the tokens expected where it started, not where it failed.
      IntervalSet expected =
          e == null
              ? ((org.antlr.v4.runtime.Parser) recognizer).getExpectedTokens()
              : e instanceof InputMismatchException ? e.getExpectedTokens() : new IntervalSet();
      String what = Tokens.expected(expected);
      errors.add(token, "unexpected " + Tokens.describe(token) + (what.isEmpty() ? "" : ": expected " + what));
    }
  }
}
