package dev.verdict.eval;

import dev.verdict.ast.Location;
import dev.verdict.builtins.BuiltinContext;
import dev.verdict.error.RegoError;
import dev.verdict.value.Value;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The state of one query: input and data as {@code with} has changed them, the cache of rule
 * values, the stacks that planned steps share (sinks, trail of bound slots), and the limits.
 * Not thread-safe; one per query.
 */
final class Ev implements BuiltinContext {

  /** Cache entry of a document found undefined. */
  static final Object UNDEFINED = new Object();
  /** Cache entry of a document being computed: meeting it again means recursion. */
  static final Object IN_PROGRESS = new Object();

  final Program program;
  final EvalOptions options;
  final Value data;
  Value input;
  Overlay overlay;
  Map<String, Mock> mocks;
  DocCache cache;
  Location location = Location.NONE;
  /** Set once a nondeterministic builtin runs: the answer must not be reused for another query. */
  boolean nondeterministic;

  private final long deadline;
  private long steps;
  private Sink[] sinks = new Sink[4];
  private int sinkTop;
  private int[] trail = new int[8];
  private int trailTop;
  private Map<Object, Object> queryCache;
  /** Created by the first {@code with}: most queries have none. */
  private java.util.ArrayDeque<WithStep.State> withs;

  Ev(Program program, Value data, EvalOptions options) {
    this.program = program;
    this.options = options;
    this.data = data;
    this.input = options.input();
    this.cache = new DocCache(program);
    this.deadline = options.timeoutNanos() > 0 ? System.nanoTime() + options.timeoutNanos() : Long.MAX_VALUE;
  }

  // --- sinks: where the innermost body hands its solutions ---

  void pushSink(Sink s) {
    if (sinkTop == sinks.length) {
      sinks = Arrays.copyOf(sinks, sinkTop * 2);
    }
    sinks[sinkTop++] = s;
  }

  void popSink() {
    sinks[--sinkTop] = null;
  }

  Sink sink() {
    return sinks[sinkTop - 1];
  }

  /** Runs {@code body} with {@code s} receiving its solutions. */
  boolean run(Step body, Value[] f, Sink s) {
    pushSink(s);
    try {
      return body.run(this, f);
    } finally {
      popSink();
    }
  }

  // --- trail: slots bound by pattern matches, undone on backtracking ---

  void trail(int slot) {
    if (trailTop == trail.length) {
      trail = Arrays.copyOf(trail, trailTop * 2);
    }
    trail[trailTop++] = slot;
  }

  int mark() {
    return trailTop;
  }

  void undo(Value[] f, int mark) {
    while (trailTop > mark) {
      f[trail[--trailTop]] = null;
    }
  }

  // --- with: the state outside each active modifier ---

  void pushWith(WithStep.State outside) {
    if (withs == null) {
      withs = new java.util.ArrayDeque<>();
    }
    withs.push(outside);
  }

  void popWith() {
    withs.pop();
  }

  WithStep.State peekWith() {
    return withs.peek();
  }

  // --- limits ---

  /** Counts one unit of work; throws when the step budget or the deadline is exhausted. */
  void tick() {
    long n = ++steps;
    if (n > options.stepBudget()) {
      throw new EvalException(RegoError.EVAL_CANCEL, "query exceeded its step budget of " + options.stepBudget() + " steps", location);
    }
    if ((n & 1023) == 0 && System.nanoTime() > deadline) {
      throw deadlineExceeded();
    }
  }

  private EvalException deadlineExceeded() {
    return new EvalException(
        RegoError.EVAL_CANCEL, "query exceeded its deadline of " + options.timeoutNanos() / 1_000_000 + " ms", location);
  }

  long steps() {
    return steps;
  }

  /** A cached document; a document still being computed was reached through itself. */
  Value cached(Object entry, String name, Location loc) {
    if (entry == IN_PROGRESS) {
      throw new EvalException(RegoError.RECURSION, "rule " + name + " is recursive", loc);
    }
    return entry == UNDEFINED ? null : (Value) entry;
  }

  // --- BuiltinContext ---

  @Override
  public long nowNanos() {
    return options.nowNanos();
  }

  @Override
  public Location location() {
    return location;
  }

  @Override
  public boolean strictBuiltinErrors() {
    return options.strictBuiltinErrors();
  }

  @Override
  public void print(String line) {
    options.printer().accept(line);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T queryCache(Object key, Function<Object, T> compute) {
    if (queryCache == null) {
      queryCache = new HashMap<>();
    }
    return (T) queryCache.computeIfAbsent(key, compute);
  }

  @Override
  public void checkLimits() {
    tick();
    if (System.nanoTime() > deadline) {
      throw deadlineExceeded();
    }
  }

  @Override
  public Map<String, Object> runtime() {
    return options.runtime();
  }
}
