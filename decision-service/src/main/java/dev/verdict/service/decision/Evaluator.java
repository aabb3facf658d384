package dev.verdict.service.decision;

import dev.verdict.Result;
import dev.verdict.eval.EvalOptions;
import dev.verdict.service.cache.CacheKey;
import dev.verdict.service.cache.DecisionCache;
import dev.verdict.service.config.VerdictConfig;
import dev.verdict.service.store.DocPath;
import dev.verdict.service.store.Snapshot;
import dev.verdict.value.Value;
import jakarta.inject.Singleton;

/** Evaluates a document of one snapshot through the cache, under the configured limits. */
@Singleton
public class Evaluator {

  /** An answer, the revision it came from, and whether the cache served it. */
  public record Evaluation(Result result, String revision, boolean cached) {}

  private final DecisionCache cache;
  private final VerdictConfig.Eval limits;

  public Evaluator(DecisionCache cache, VerdictConfig config) {
    this.cache = cache;
    this.limits = config.eval();
  }

  /** @throws dev.verdict.error.RegoException on evaluation errors, deadline and step budget */
  public Evaluation eval(Snapshot snapshot, DocPath path, Value input, boolean strict) {
    CacheKey key = CacheKey.of(snapshot.revision(), path, strict, input);
    DecisionCache.Lookup l = cache.get(key, () -> snapshot.policies().eval(path.toString(), options(input, strict)));
    return new Evaluation(l.result(), snapshot.revision(), l.cached());
  }

  /**
   * The answer for a data API request body that was seen before byte for byte, or null: such a
   * body needs no parsing and no canonical hash.
   */
  public Evaluation known(Snapshot snapshot, CacheKey bodyKey) {
    Result r = cache.peek(bodyKey);
    return r == null ? null : new Evaluation(r, snapshot.revision(), true);
  }

  /** Lets {@link #known} answer the same body next time. */
  public void remember(CacheKey bodyKey, Evaluation e) {
    cache.alias(bodyKey, e.result());
  }

  public EvalOptions options(Value input, boolean strict) {
    return EvalOptions.builder()
        .input(input)
        .strictBuiltinErrors(strict)
        .timeout(limits.timeout())
        .stepBudget(limits.stepBudget())
        .build();
  }
}
