package dev.verdict.service.store;

import dev.verdict.PolicySet;
import dev.verdict.SourceFile;
import dev.verdict.Sources;
import dev.verdict.Verdict;
import dev.verdict.ast.RegoVersion;
import dev.verdict.error.RegoException;
import dev.verdict.load.DataTree;
import dev.verdict.load.LoadError;
import dev.verdict.load.LoadException;
import dev.verdict.load.Workspace;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The policies and data being served. Four sources make up each revision: the watched directory,
 * OPA-format bundles, policies written through {@code PUT /v1/policies}, and documents written
 * through {@code PUT|PATCH /v1/data} (replayed, in order, over the others' data). Every change compiles
 * a complete new revision first; only a revision that compiles replaces the one serving, and
 * observers of {@link Snapshot} hear about it.
 */
@Singleton
public class PolicyStore {

  private static final Logger LOG = Logger.getLogger(PolicyStore.class);

  private final Event<Snapshot> activated;
  private volatile Snapshot current;
  private volatile LoadStatus directoryStatus = new LoadStatus(false, Instant.now(), List.of());

  // Guarded by this: the inputs of the current revision.
  private Workspace directory = new Workspace(List.of(), ObjectValue.EMPTY, List.of());
  private final Map<String, Bundle> bundles = new LinkedHashMap<>();
  private final Map<String, String> apiPolicies = new LinkedHashMap<>();
  private final Map<DocPath, Value> apiData = new LinkedHashMap<>();

  public PolicyStore(Event<Snapshot> activated) {
    this.activated = activated;
    this.current = new Snapshot(Verdict.compile(Sources.builder().build()), Instant.now(), Map.of());
  }

  public Snapshot current() {
    return current;
  }

  public LoadStatus directoryStatus() {
    return directoryStatus;
  }

  /** Loads the directory like {@code opa run DIR}; a failure leaves the serving revision alone. */
  public synchronized LoadStatus loadDirectory(String dir) {
    boolean wasActivated = directoryStatus.activated();
    try {
      // Hidden entries skipped: a Kubernetes ConfigMap volume holds every file twice, once under
      // `..<timestamp>/` (reached through the `..data` link) beside the top-level links.
      Workspace loaded = Workspace.load(List.of(dir), Workspace.Scope.ALL, List.of(".*"));
      swap(compile(loaded, bundles, apiPolicies, apiData), bundles);
      directory = loaded;
      directoryStatus = new LoadStatus(true, Instant.now(), List.of());
    } catch (LoadException e) {
      directoryStatus = new LoadStatus(wasActivated, Instant.now(), e.errors().stream().map(LoadError::toString).toList());
    } catch (RegoException e) {
      directoryStatus = new LoadStatus(wasActivated, Instant.now(), e.errors().stream().map(Object::toString).toList());
    }
    if (!directoryStatus.ok()) {
      LOG.warnf("policy directory %s not loaded, still serving revision %s: %s", dir, current.revision(), directoryStatus.errors());
    }
    return directoryStatus;
  }

  /**
   * Activates a new revision of a bundle, compiled with everything else first.
   *
   * @throws LoadException when its data conflicts or leaves its manifest roots
   * @throws RegoException listing every compile error
   */
  public synchronized void activateBundle(Bundle bundle) throws LoadException {
    Map<String, Bundle> next = new LinkedHashMap<>(bundles);
    next.put(bundle.name(), bundle);
    swap(compile(directory, next, apiPolicies, apiData), next);
    bundles.put(bundle.name(), bundle);
  }

  /** Policies by id: the directory's and bundles' files (by path) and those written through the API. */
  public synchronized Map<String, String> policies() {
    Map<String, String> out = new LinkedHashMap<>();
    directory.policies().forEach(f -> out.put(f.name(), f.text()));
    bundles.values().forEach(b -> b.policies().forEach(f -> out.put(f.name(), f.text())));
    out.putAll(apiPolicies);
    return out;
  }

  /** @throws RegoException listing every error when the new revision does not compile */
  public synchronized void putPolicy(String id, String text) {
    requireApiOwned(id);
    Map<String, String> next = new LinkedHashMap<>(apiPolicies);
    next.put(id, text);
    swap(compileApi(next, apiData), bundles);
    apiPolicies.put(id, text);
  }

  public synchronized void deletePolicy(String id) {
    requireApiOwned(id);
    if (!apiPolicies.containsKey(id)) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, "storage_not_found_error: policy id \"" + id + "\"");
    }
    Map<String, String> next = new LinkedHashMap<>(apiPolicies);
    next.remove(id);
    swap(compileApi(next, apiData), bundles);
    apiPolicies.remove(id);
  }

  /** Replaces the document at {@code path}. */
  public synchronized void putData(DocPath path, Value value) {
    writeData(path, value);
  }

  /** Applies a JSON Patch to the base document at {@code path}, which must exist. */
  public synchronized void patchData(DocPath path, ArrayValue ops) {
    Value at = DataDocs.get(current.policies().data(), path.keys());
    if (at == null) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, "storage_not_found_error: " + path + ": document does not exist");
    }
    writeData(path, DataDocs.patch(at, ops));
  }

  private void writeData(DocPath path, Value value) {
    Map<DocPath, Value> next = new LinkedHashMap<>(apiData);
    // A write at path supersedes earlier writes at or below it.
    next.keySet().removeIf(p -> p.startsWith(path));
    next.put(path, value);
    swap(compileApi(apiPolicies, next), bundles);
    apiData.clear();
    apiData.putAll(next);
  }

  private void requireApiOwned(String id) {
    if (directory.policies().stream().anyMatch(f -> f.name().equals(id))) {
      throw new StoreException(StoreException.Kind.OWNED_BY_DIRECTORY, "policy " + id + " belongs to the policy directory: edit the file instead");
    }
    if (bundles.values().stream().anyMatch(b -> b.policies().stream().anyMatch(f -> f.name().equals(id)))) {
      throw new StoreException(StoreException.Kind.OWNED_BY_DIRECTORY, "policy " + id + " belongs to a bundle: publish a new bundle instead");
    }
  }

  /** An API write: directory and bundles were merged before, so their data cannot conflict now. */
  private PolicySet compileApi(Map<String, String> policies, Map<DocPath, Value> data) {
    try {
      return compile(directory, bundles, policies, data);
    } catch (LoadException e) {
      throw new IllegalStateException("directory and bundle data merged before and conflict now", e);
    }
  }

  private static PolicySet compile(Workspace dir, Map<String, Bundle> bundles, Map<String, String> policies, Map<DocPath, Value> data)
      throws LoadException {
    List<SourceFile> files = new ArrayList<>(dir.policies());
    DataTree tree = new DataTree();
    tree.add("policy directory", List.of(), dir.data());
    for (Bundle b : bundles.values()) {
      files.addAll(b.policies());
      for (Bundle.DataFile f : b.data()) {
        tree.add(f.file(), f.path(), f.doc());
      }
    }
    policies.forEach((id, text) -> files.add(new SourceFile(id, text)));
    Value doc = tree.build();
    for (Map.Entry<DocPath, Value> e : data.entrySet()) {
      doc = DataDocs.set(doc, e.getKey().keys(), e.getValue());
    }
    PolicySet compiled = Verdict.compile(new Sources(files, doc, RegoVersion.V1));
    List<LoadError> misplaced = BundleRoots.check(List.copyOf(bundles.values()), compiled.modules());
    if (!misplaced.isEmpty()) {
      throw new LoadException(misplaced);
    }
    return compiled;
  }

  private void swap(PolicySet next, Map<String, Bundle> nextBundles) {
    Map<String, String> revisions = new LinkedHashMap<>();
    nextBundles.forEach((name, b) -> revisions.put(name, b.revision()));
    // A bundle may publish a new manifest revision with unchanged content: that is news too.
    if (next.revision().equals(current.revision()) && revisions.equals(current.bundles())) {
      return;
    }
    Snapshot s = new Snapshot(next, Instant.now(), revisions);
    current = s;
    LOG.infof("serving policy revision %s", s.revision());
    activated.fire(s);
  }
}
