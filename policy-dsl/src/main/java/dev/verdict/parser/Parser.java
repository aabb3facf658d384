package dev.verdict.parser;

import dev.verdict.ast.Body;
import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.ast.Term;
import dev.verdict.error.RegoException;
import dev.verdict.parser.antlr.RegoParser;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Parses Rego source into Verdict's AST. Every method is thread-safe and throws only
 * {@link RegoException}, carrying every {@code rego_parse_error} found.
 */
public final class Parser {

  private Parser() {}

  /**
   * A module in {@code defaultVersion}'s syntax; in a v0 module, {@code import rego.v1} switches
   * to v1 and {@code import future.keywords…} turns v1's keywords on.
   */
  public static Module parseModule(String file, String text, RegoVersion defaultVersion) {
    return parse(file, text, defaultVersion, (lexed, errors) -> {
      // Each statement is built as soon as it is parsed, and its parse tree dropped: a large module
      // never holds its whole tree. If the fast stage gives up, so does what it built.
      Errors found = new Errors(file);
      ModuleBuilder streamed = new ModuleBuilder(file, found, new TermBuilder(found, lexed), lexed.version());
      if (Syntax.fast(lexed.tokens(), RegoParser::module, Syntax.consumeEach(RegoParser.StatementContext.class, streamed::add)) != null) {
        Module module = streamed.build(lexed.comments());
        found.throwIfAny();
        return module;
      }
      RegoParser.ModuleContext tree = Syntax.exact(lexed.tokens(), errors, RegoParser::module);
      ModuleBuilder builder = new ModuleBuilder(file, errors, new TermBuilder(errors, lexed), lexed.version());
      tree.statement().forEach(builder::add);
      return builder.build(lexed.comments());
    });
  }

  /** A query: literals separated by ';' or newlines. */
  public static Body parseQuery(String file, String text, RegoVersion version) {
    return parse(file, text, version,
        (lexed, errors) -> new TermBuilder(errors, lexed).body(Syntax.parse(lexed.tokens(), errors, RegoParser::query).body()));
  }

  /** One term, such as a test case's {@code input_term}. */
  public static Term parseTerm(String file, String text) {
    return parse(file, text, RegoVersion.V1,
        (lexed, errors) -> new TermBuilder(errors, lexed).kvTerm(Syntax.parse(lexed.tokens(), errors, RegoParser::termOnly).kvTerm()));
  }

  /** Parses and builds from the lexed source, collecting errors in {@code errors}. */
  private interface Work<R> {
    R run(TokenPass.Lexed lexed, Errors errors);
  }

  /**
   * Nesting up to which the caller's own stack is used: a few hundred KiB at most. Deeper input
   * is parsed on a thread whose stack fits {@link TokenPass#MAX_NESTING}, whatever the caller's.
   */
  private static final int SHALLOW_NESTING = 64;

  private static final long DEEP_STACK_BYTES = 32L << 20;

  private static <R> R parse(String file, String text, RegoVersion version, Work<R> work) {
    Errors errors = new Errors(file);
    try {
      // OPA skips a leading byte-order mark; a blank in its place keeps columns where OPA puts them.
      String source = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
      // Errors are reported by phase: lexical, then syntax, then the builders' checks. Each phase
      // reports all of its own, and none reports what only an earlier error caused.
      TokenPass.Lexed lexed = TokenPass.run(file, source, version, errors);
      errors.throwIfAny();
      Supplier<R> job = () -> {
        R result = work.run(lexed, errors);
        errors.throwIfAny();
        return result;
      };
      return lexed.depth() <= SHALLOW_NESTING ? job.get() : onDeepStack(job);
    } catch (RegoException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // A backstop: nesting is bounded before parsing, and callers must only ever see parse errors.
      errors.add(new Location(file, 1, 1), "internal parser error: " + e);
      throw errors.exception();
    }
  }

  private static <R> R onDeepStack(Supplier<R> work) {
    AtomicReference<R> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        Thread.ofPlatform()
            .name("rego-parser")
            .daemon()
            .stackSize(DEEP_STACK_BYTES)
            .start(() -> {
              try {
                result.set(work.get());
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // parsing is bounded; finish it and keep the interrupt for the caller
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    switch (failure.get()) {
      case null -> {
        return result.get();
      }
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      case Throwable e -> throw new IllegalStateException(e);
    }
  }
}
