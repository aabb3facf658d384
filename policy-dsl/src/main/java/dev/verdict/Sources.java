package dev.verdict;

import dev.verdict.ast.RegoVersion;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * What a policy set is compiled from: policy files, the base data document, and the syntax that
 * files without their own marker are read in (v1 unless {@code --v0-compatible}).
 */
public record Sources(List<SourceFile> files, Value data, RegoVersion defaultVersion) {

  public Sources {
    files = List.copyOf(files);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects files and data for {@link Verdict#compile}. */
  public static final class Builder {
    private final List<SourceFile> files = new ArrayList<>();
    private Value data = ObjectValue.EMPTY;
    private RegoVersion version = RegoVersion.V1;

    public Builder module(String name, String text) {
      files.add(new SourceFile(name, text));
      return this;
    }

    public Builder data(Value data) {
      this.data = data;
      return this;
    }

    public Builder version(RegoVersion version) {
      this.version = version;
      return this;
    }

    public Sources build() {
      return new Sources(files, data, version);
    }
  }
}
