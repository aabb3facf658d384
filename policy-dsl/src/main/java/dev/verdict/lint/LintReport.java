package dev.verdict.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Findings in the shapes CI tools read: pretty text, JSON, SARIF 2.1.0, JUnit XML, GitHub workflow commands. */
public final class LintReport {

  /** The output formats of {@code verdict lint --format}. */
  public enum Format {
    pretty,
    json,
    sarif,
    junit,
    github
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LintReport() {}

  /** The report of the findings for the linted files. */
  public static String render(Format format, List<String> files, List<Finding> findings) {
    return switch (format) {
      case pretty -> pretty(files, findings);
      case json -> json(Map.of("findings", findings.stream().map(LintReport::finding).toList(), "summary", summary(files, findings)));
      case sarif -> json(sarif(findings));
      case junit -> junit(files, findings);
      case github -> github(findings);
    };
  }

  public static boolean hasErrors(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.level() == Level.error);
  }

  private static String pretty(List<String> files, List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    findings.forEach(f -> sb.append(f).append('\n'));
    Map<String, Object> s = summary(files, findings);
    return sb.append(s.get("files")).append(" files linted: ").append(s.get("errors")).append(" errors, ")
        .append(s.get("warnings")).append(" warnings\n").toString();
  }

  private static Map<String, Object> summary(List<String> files, List<Finding> findings) {
    long errors = findings.stream().filter(f -> f.level() == Level.error).count();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", files.size());
    m.put("errors", errors);
    m.put("warnings", findings.size() - errors);
    return m;
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.rule().id());
    m.put("category", f.rule().category().name());
    m.put("level", f.level().name());
    m.put("message", f.message());
    m.put("location", Map.of("file", f.location().file(), "row", f.location().row(), "col", f.location().col()));
    return m;
  }

  private static Map<String, Object> sarif(List<Finding> findings) {
    List<Object> rules = new ArrayList<>();
    for (LintRule r : Linter.RULES) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("id", r.id());
      rule.put("shortDescription", Map.of("text", r.summary()));
      rule.put("help", Map.of("text", "See docs/lint/" + r.id() + ".md"));
      rule.put("defaultConfiguration", Map.of("level", r.level().name()));
      rule.put("properties", Map.of("category", r.category().name()));
      rules.add(rule);
    }
    List<Object> results = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ruleId", f.rule().id());
      result.put("ruleIndex", Linter.RULES.indexOf(f.rule()));
      result.put("level", f.level().name());
      result.put("message", Map.of("text", f.message()));
      result.put("locations", List.of(Map.of("physicalLocation", Map.of(
          "artifactLocation", Map.of("uri", f.location().file()),
          "region", Map.of("startLine", f.location().row(), "startColumn", f.location().col())))));
      results.add(result);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "verdict lint");
    driver.put("rules", rules);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    doc.put("version", "2.1.0");
    doc.put("runs", List.of(Map.of("tool", Map.of("driver", driver), "results", results)));
    return doc;
  }

  /** One test suite per file, one failing test case per finding (a passing one for a clean file). */
  private static String junit(List<String> files, List<Finding> findings) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"verdict lint\" tests=\"").append(files.size()).append("\" failures=\"").append(findings.size()).append("\">\n");
    for (String file : files) {
      List<Finding> mine = findings.stream().filter(f -> f.location().file().equals(file)).toList();
      sb.append("  <testsuite name=\"").append(xml(file)).append("\" tests=\"").append(Math.max(1, mine.size()))
          .append("\" failures=\"").append(mine.size()).append("\">\n");
      if (mine.isEmpty()) {
        sb.append("    <testcase name=\"lint\" classname=\"").append(xml(file)).append("\"/>\n");
      }
      for (Finding f : mine) {
        sb.append("    <testcase name=\"").append(xml(f.rule().id())).append("\" classname=\"").append(xml(file)).append("\">\n")
            .append("      <failure message=\"").append(xml(f.message())).append("\" type=\"").append(f.level()).append("\">")
            .append(xml(f.toString())).append("</failure>\n    </testcase>\n");
      }
      sb.append("  </testsuite>\n");
    }
    return sb.append("</testsuites>\n").toString();
  }

  /** {@code ::error file=…,line=…,col=…,title=…::message}, escaped as the workflow command syntax wants. */
  private static String github(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      sb.append("::").append(f.level()).append(" file=").append(property(f.location().file()))
          .append(",line=").append(f.location().row()).append(",col=").append(f.location().col())
          .append(",title=").append(property(f.rule().id())).append("::").append(data(f.message())).append('\n');
    }
    return sb.toString();
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String json(Object doc) {
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
