package dev.verdict.service.store;

import dev.verdict.ast.Module;
import dev.verdict.ast.Term;
import dev.verdict.load.LoadError;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * OPA's manifest roots: a bundle owns the data paths under its roots. Its data and its packages
 * must lie under them, and no two bundles may own overlapping roots. Paths are slash-separated
 * ({@code a/b}); the root {@code ""} owns everything.
 */
final class BundleRoots {

  private BundleRoots() {}

  /** Every violation among {@code bundles}, their data, and their packages in {@code modules}. */
  static List<LoadError> check(List<Bundle> bundles, List<Module> modules) {
    List<LoadError> errors = new ArrayList<>();
    for (int i = 0; i < bundles.size(); i++) {
      Bundle b = bundles.get(i);
      for (Bundle other : bundles.subList(i + 1, bundles.size())) {
        for (String r : b.roots()) {
          for (String o : other.roots()) {
            if (overlap(r, o)) {
              errors.add(LoadError.of("bundle " + b.name() + ": root \"" + r + "\" overlaps root \"" + o + "\" of bundle " + other.name()));
            }
          }
        }
      }
      for (Bundle.DataFile f : b.data()) {
        checkData(b, f.file(), String.join("/", f.path()), f.doc(), errors);
      }
      for (Module m : modules) {
        if (m.file().startsWith(b.name() + "/")) {
          String pkg = packagePath(m);
          if (b.roots().stream().noneMatch(r -> contains(r, pkg))) {
            errors.add(LoadError.of(m.file() + ": manifest roots " + b.roots() + " do not permit package '" + pkg.replace('/', '.') + "'"));
          }
        }
      }
    }
    return errors;
  }

  /** OPA's walk: a root owns its subtree; above a root, only objects leading towards it are allowed. */
  private static void checkData(Bundle b, String file, String path, Value doc, List<LoadError> errors) {
    if (b.roots().stream().anyMatch(r -> contains(r, path))) {
      return;
    }
    boolean leadsToRoot = b.roots().stream().anyMatch(r -> contains(path, r));
    if (!leadsToRoot || !(doc instanceof ObjectValue o)) {
      errors.add(LoadError.of(file + ": manifest roots " + b.roots() + " do not permit data at path '/" + path + "'"));
      return;
    }
    for (int i = 0; i < o.size(); i++) {
      String key = ((StringValue) o.key(i)).value();
      checkData(b, file, path.isEmpty() ? key : path + "/" + key, o.value(i), errors);
    }
  }

  /** Whether {@code root} owns {@code path}: equal, or path lies below it. */
  static boolean contains(String root, String path) {
    return root.isEmpty() || path.equals(root) || path.startsWith(root + "/");
  }

  private static boolean overlap(String a, String b) {
    return contains(a, b) || contains(b, a);
  }

  private static String packagePath(Module m) {
    List<String> keys = new ArrayList<>();
    for (Term t : m.pkg().path().path()) {
      if (t instanceof Term.Scalar(var loc, StringValue s)) {
        keys.add(s.value());
      }
    }
    return String.join("/", keys);
  }
}
