package dev.verdict.cli;

import dev.verdict.PolicySet;
import dev.verdict.SourceFile;
import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds test rules as {@code opa test} does, and separates tests that share a name. */
final class TestDiscovery {

  static final String TEST_PREFIX = "test_";
  static final String SKIP_PREFIX = "todo_test_";

  private TestDiscovery() {}

  /** Tests in file-name order, then in rule order within a file. Functions are never tests. */
  static List<TestCase> find(PolicySet policies) {
    List<Module> modules = new ArrayList<>(policies.modules());
    modules.sort(Comparator.comparing(Module::file));
    List<TestCase> tests = new ArrayList<>();
    for (Module m : modules) {
      List<String> pkg = RefText.groundKeys(m.pkg().path(), false);
      for (Rule r : m.rules()) {
        if (!r.head().isFunction()) {
          TestCase t = test(r, pkg);
          if (t != null) {
            tests.add(t);
          }
        }
      }
    }
    return tests;
  }

  private static TestCase test(Rule r, List<String> pkg) {
    Term.Ref ref = r.head().ref();
    List<String> keys = RefText.groundKeys(ref, true);
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      if (k.startsWith(TEST_PREFIX) || k.startsWith(SKIP_PREFIX)) {
        Location nameAt = i == 0 ? ref.head().location() : ref.path().get(i - 1).location();
        boolean cases = ref.path().size() > i && !r.head().isMultiValue();
        return new TestCase(r.location(), pkg, List.copyOf(keys.subList(0, i + 1)), nameAt, k.startsWith(SKIP_PREFIX), cases);
      }
    }
    return null;
  }

  /**
   * opa runs every test rule on its own, renaming the second and later rules of one name
   * {@code test_x#01}, {@code test_x#02}, …; here rules sharing a name would be evaluated together
   * as one document, so those rules are renamed in the source text (where the name is written
   * plainly) before compiling again. Null when no test name repeats.
   */
  static List<SourceFile> renameDuplicates(List<SourceFile> files, List<TestCase> tests) {
    Map<String, Integer> seen = new HashMap<>();
    Map<String, List<Edit>> edits = new LinkedHashMap<>();
    for (TestCase t : tests) {
      int n = seen.merge(t.key(), 1, Integer::sum) - 1;
      if (n > 0 && t.nameAt() != null) {
        String name = t.nameKeys().get(t.nameKeys().size() - 1);
        edits.computeIfAbsent(t.nameAt().file(), f -> new ArrayList<>())
            .add(new Edit(t.nameAt(), name, name + TestCase.DUPLICATE_MARK + String.format("%02d", n)));
      }
    }
    if (edits.isEmpty()) {
      return null;
    }
    List<SourceFile> out = new ArrayList<>();
    for (SourceFile f : files) {
      List<Edit> fileEdits = edits.getOrDefault(f.name(), List.of());
      out.add(fileEdits.isEmpty() ? f : new SourceFile(f.name(), apply(f.text(), fileEdits)));
    }
    return out;
  }

  private record Edit(Location at, String name, String replacement) {}

  /** Applies the edits last to first, so earlier offsets stay valid; skips any whose name is not there. */
  private static String apply(String text, List<Edit> edits) {
    record Span(int start, int end, String replacement) {}
    SourceText source = new SourceText(text);
    List<Span> spans = new ArrayList<>();
    for (Edit e : edits) {
      int at = source.offset(e.at());
      int end = at + e.name().length();
      if (text.startsWith(e.name(), at) && (end == text.length() || !isNameChar(text.charAt(end)))) {
        spans.add(new Span(at, end, e.replacement()));
      }
    }
    spans.sort(Comparator.comparingInt(Span::start).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (Span span : spans) {
      sb.replace(span.start(), span.end(), span.replacement());
    }
    return sb.toString();
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
