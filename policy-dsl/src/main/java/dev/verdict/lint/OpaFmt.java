package dev.verdict.lint;

import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.format.Formatter;
import java.util.List;

/** A v1 file that {@code verdict fmt} would change (v0 files always would, so they are left to {@code fmt}). */
final class OpaFmt extends BaseRule {

  OpaFmt() {
    super("opa-fmt", Category.style, Level.warning, "File not formatted as verdict fmt writes it.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      String text = policy.text(m.file());
      if (m.version() != RegoVersion.V1) {
        continue;
      }
      List<String> want = Formatter.format(m.file(), text, RegoVersion.V1).lines().toList();
      List<String> have = text.lines().toList();
      int row = 0;
      while (row < want.size() && row < have.size() && want.get(row).equals(have.get(row))) {
        row++;
      }
      if (row < want.size() || row < have.size()) {
        out.at(new Location(m.file(), row + 1, 1), "not formatted from this line on: run verdict fmt --write " + m.file());
      }
    }
  }
}
