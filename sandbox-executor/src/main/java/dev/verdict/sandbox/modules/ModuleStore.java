package dev.verdict.sandbox.modules;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Named modules, content-addressed by SHA-256. Uploads are validated, instrumented and compiled
 * once; the prepared form lives in a bounded cache keyed by hash (shared by equal uploads) and is
 * rebuilt from the stored bytes after eviction.
 */
public final class ModuleStore {

  private record Stored(ModuleInfo info, byte[] wasm) {}

  private final ModuleValidator validator;
  private final ModulePreparer preparer;
  private final int maxCount;
  private final long maxTotalBytes;
  private final Map<String, Stored> byName = new ConcurrentSkipListMap<>();
  private final Cache<String, PreparedModule> prepared;

  /**
   * @param cacheBytes instrumented bytes of the prepared modules kept; their parsed (and compiled)
   *     forms take many times that on the heap, so the bound is on size, not on a count
   */
  public ModuleStore(ModuleValidator validator, ModulePreparer preparer, int maxCount, long maxTotalBytes, long cacheBytes) {
    this.validator = validator;
    this.preparer = preparer;
    this.maxCount = maxCount;
    this.maxTotalBytes = maxTotalBytes;
    this.prepared = Caffeine.newBuilder()
        .maximumWeight(cacheBytes)
        .weigher((String sha, PreparedModule m) -> m.fuel().wasm().length)
        .recordStats()
        .build();
  }

  public Cache<String, PreparedModule> cache() {
    return prepared;
  }

  public ModuleInfo put(String name, byte[] wasm) {
    WasmModule module = validator.validate(wasm);
    String sha = sha256(wasm);
    if (!byName.containsKey(name) && byName.size() >= maxCount) {
      throw new InvalidModuleException(507, "the store holds its maximum of " + maxCount + " modules");
    }
    // Stored bytes stay in memory: bounded as a whole, not only per upload. Racing uploads may pass
    // the bound by one module each; the bound only has to hold memory to a known size.
    long others = byName.entrySet().stream().filter(e -> !e.getKey().equals(name)).mapToLong(e -> e.getValue().wasm().length).sum();
    if (others + wasm.length > maxTotalBytes) {
      throw new InvalidModuleException(507, "the store holds " + others + " bytes of other modules; " + wasm.length
          + " more would pass its maximum of " + maxTotalBytes + " bytes");
    }
    prepared.get(sha, k -> preparer.prepare(k, wasm, module));
    ModuleInfo info = new ModuleInfo(name, sha, wasm.length, imports(module), exports(module));
    byName.put(name, new Stored(info, wasm));
    return info;
  }

  public Optional<ModuleInfo> info(String name) {
    return Optional.ofNullable(byName.get(name)).map(Stored::info);
  }

  public List<ModuleInfo> list() {
    return byName.values().stream().map(Stored::info).toList();
  }

  public boolean delete(String name) {
    Stored removed = byName.remove(name);
    if (removed == null) {
      return false;
    }
    // Equal uploads share one prepared module: it goes with the last name that holds it.
    String sha = removed.info().sha256();
    if (byName.values().stream().noneMatch(s -> s.info().sha256().equals(sha))) {
      prepared.invalidate(sha);
    }
    return true;
  }

  /** The prepared module for a stored name (empty if deleted meanwhile). */
  public Optional<PreparedModule> prepared(String name) {
    Stored s = byName.get(name);
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(prepared.get(s.info().sha256(), k -> prepare(k, s.wasm())));
  }

  /** Validates and prepares {@code wasm} as an upload does, keeping nothing: a start-up warm-up. */
  public PreparedModule rehearse(byte[] wasm) {
    return prepare(sha256(wasm), wasm);
  }

  private PreparedModule prepare(String sha, byte[] wasm) {
    return preparer.prepare(sha, wasm, validator.validate(wasm));
  }

  private static List<ImportRef> imports(WasmModule m) {
    List<ImportRef> out = new ArrayList<>();
    for (int i = 0; i < m.importSection().importCount(); i++) {
      out.add(new ImportRef(m.importSection().getImport(i).module(), m.importSection().getImport(i).name()));
    }
    return List.copyOf(out);
  }

  private static List<String> exports(WasmModule m) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < m.exportSection().exportCount(); i++) {
      Export e = m.exportSection().getExport(i);
      out.add(e.name());
    }
    return List.copyOf(out);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
