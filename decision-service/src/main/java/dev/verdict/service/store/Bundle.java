package dev.verdict.service.store;

import dev.verdict.SourceFile;
import dev.verdict.value.Value;
import java.util.List;

/**
 * One OPA-format bundle as read from its archive: policies (named {@code bundle/path.rego}), data
 * documents placed by directory, and the manifest's revision and roots ({@code ""} owns all of data).
 */
public record Bundle(String name, String revision, List<String> roots, List<SourceFile> policies, List<DataFile> data) {

  /** A {@code data.json} or {@code data.yaml} document and the path of its directory. */
  public record DataFile(String file, List<String> path, Value doc) {
    public DataFile {
      path = List.copyOf(path);
    }
  }

  public Bundle {
    roots = List.copyOf(roots);
    policies = List.copyOf(policies);
    data = List.copyOf(data);
  }
}
