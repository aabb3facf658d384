package dev.verdict.ast;

import java.util.List;

/**
 * One parsed source file. {@code annotations} holds package-, document- and subpackages-scoped
 * metadata blocks; rule-scoped blocks hang on their rules.
 */
public record Module(
    String file,
    RegoVersion version,
    Package pkg,
    List<Import> imports,
    List<Rule> rules,
    List<Annotation> annotations,
    List<Comment> comments) {
  public Module {
    imports = List.copyOf(imports);
    rules = List.copyOf(rules);
    annotations = List.copyOf(annotations);
    comments = List.copyOf(comments);
  }
}
