package dev.verdict.parser;

import dev.verdict.parser.antlr.RegoParser;
import java.util.List;
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

/**
 * Runs the ANTLR parser in two stages: SLL prediction, which is fast and right for nearly all
 * input, and on failure full LL with error recovery, which is exact and reports every error.
 */
final class Syntax {

  private Syntax() {}

  static <T extends ParserRuleContext> T parse(List<Token> tokens, Errors errors, Function<RegoParser, T> start) {
    CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
    RegoParser parser = new RegoParser(stream);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      return start.apply(parser);
    } catch (ParseCancellationException sllFailed) {
      stream.seek(0);
      parser.reset();
      parser.setErrorHandler(new Recovery());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.addErrorListener(new Listener(errors));
      return start.apply(parser);
    }
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
