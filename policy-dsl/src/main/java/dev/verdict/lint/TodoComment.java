package dev.verdict.lint;

import dev.verdict.ast.Comment;
import dev.verdict.ast.Module;
import java.util.regex.Pattern;

/** TODO and FIXME comments: work left undone should be an issue, not a comment that ships. */
final class TodoComment extends BaseRule {

  private static final Pattern TODO = Pattern.compile("\\b(TODO|FIXME)\\b");

  TodoComment() {
    super("todo-comment", Category.style, Level.warning, "TODO or FIXME comment left in the policy.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      for (Comment c : m.comments()) {
        if (TODO.matcher(c.text()).find()) {
          out.at(c.location(), "comment marks unfinished work: " + c.text().strip());
        }
      }
    }
  }
}
