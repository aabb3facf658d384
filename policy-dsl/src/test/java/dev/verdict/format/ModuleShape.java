package dev.verdict.format;

import dev.verdict.ast.Annotation;
import dev.verdict.ast.Comment;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.parser.AstText;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A module as text without locations, so that two parses compare equal when they differ only in
 * layout: imports sorted (the formatter sorts them), wildcards numbered by first appearance,
 * comments as their sorted texts.
 */
final class ModuleShape {

  private static final Pattern WILDCARD = Pattern.compile("\\$_\\d+");

  private ModuleShape() {}

  static String of(Module m) {
    StringBuilder sb = new StringBuilder("package ").append(AstText.of(m.pkg().path())).append('\n');
    m.imports().stream()
        .map(i -> "import " + AstText.of(i.path()) + (i.alias() == null ? "" : " as " + i.alias()))
        .sorted()
        .forEach(line -> sb.append(line).append('\n'));
    m.annotations().forEach(a -> sb.append(annotation(a)).append('\n'));
    for (Rule rule : m.rules()) {
      rule.annotations().forEach(a -> sb.append(annotation(a)).append('\n'));
      sb.append(AstText.of(rule)).append('\n');
    }
    sb.append(m.comments().stream().map(c -> "#" + c.text().stripTrailing()).sorted().collect(Collectors.joining("\n")));
    return renumber(sb.toString());
  }

  private static String annotation(Annotation a) {
    return "@" + a.scope() + " " + a.content();
  }

  private static String renumber(String text) {
    Map<String, String> names = new HashMap<>();
    Matcher m = WILDCARD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(names.computeIfAbsent(m.group(), k -> "$_" + names.size())));
    }
    return m.appendTail(out).toString();
  }

  static long comments(Module m) {
    return m.comments().stream().map(Comment::text).count();
  }
}
