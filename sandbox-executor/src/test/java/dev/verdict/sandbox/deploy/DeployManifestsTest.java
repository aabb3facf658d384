package dev.verdict.sandbox.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.verdict.sandbox.config.SandboxConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/ against the services themselves: every manifest parses, and ports, probe paths, config
 * keys and environment variables agree with each service's application.properties and code. Lives
 * here because this module sees both services (decision-service's classes, built first by the reactor).
 */
class DeployManifestsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path K8S = ROOT.resolve("deploy/k8s");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** What the manifests need to know of one service. */
  record Service(String image, int port, List<String> getPaths, ConfigKeys keys, Properties props) {

    boolean setByEnv(String env) {
      return keys.setByEnv(env) || props.containsKey(env.toLowerCase().replace('_', '.'));
    }
  }

  private static final Map<String, Service> SERVICES = new HashMap<>();
  private static final List<JsonNode> DOCS = new ArrayList<>();

  @BeforeAll
  static void load() throws Exception {
    Class<?> verdictConfig = decisionServiceClass("dev.verdict.service.config.VerdictConfig");
    Class<?> health = decisionServiceClass("dev.verdict.service.api.HealthResource");
    String healthPath = health.getAnnotation(jakarta.ws.rs.Path.class).value();
    Properties dsProps = properties("decision-service");
    Properties exProps = properties("sandbox-executor");
    // Quarkus serves Prometheus at /q/metrics unless the properties move it.
    assertFalse(exProps.containsKey("quarkus.micrometer.export.prometheus.path"));
    SERVICES.put("decision-service", new Service("verdict/decision-service", port(dsProps), List.of(healthPath),
        new ConfigKeys(verdictConfig), dsProps));
    SERVICES.put("sandbox-executor", new Service("verdict/sandbox-executor", port(exProps), List.of("/q/metrics"),
        new ConfigKeys(SandboxConfig.class), exProps));
    try (Stream<Path> files = Files.list(K8S)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader r = Files.newBufferedReader(f)) {
          YAML.readerFor(JsonNode.class).readValues(r).forEachRemaining(n -> DOCS.add((JsonNode) n));
        }
      }
    }
  }

  private static Class<?> decisionServiceClass(String name) throws Exception {
    Path classes = ROOT.resolve("decision-service/target/classes");
    assertTrue(Files.isDirectory(classes), "build decision-service first (the reactor does)");
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, DeployManifestsTest.class.getClassLoader());
    return loader.loadClass(name);
  }

  private static Properties properties(String module) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(ROOT.resolve(module + "/src/main/resources/application.properties"))) {
      p.load(r);
    }
    return p;
  }

  private static int port(Properties p) {
    return Integer.parseInt(p.getProperty("quarkus.http.port"));
  }

  private static List<JsonNode> kind(String kind) {
    return DOCS.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  private static Service serviceOf(JsonNode container) {
    return SERVICES.values().stream()
        .filter(s -> container.path("image").asText().startsWith(s.image() + ":"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("unknown image " + container.path("image")));
  }

  private static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new HashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return env;
  }

  @Test
  void everyManifestParsesAsKubernetesObjects() {
    assertTrue(DOCS.size() >= 10, DOCS::toString);
    for (JsonNode d : DOCS.stream().filter(d -> !d.path("kind").asText().equals("Kustomization")).toList()) {
      assertFalse(d.path("apiVersion").asText().isEmpty(), d::toString);
      assertFalse(d.path("kind").asText().isEmpty(), d::toString);
      assertFalse(d.path("metadata").path("name").asText().isEmpty(), d::toString);
    }
    assertEquals(2, kind("Deployment").size());
    assertEquals(2, kind("HorizontalPodAutoscaler").size());
    assertEquals(2, kind("NetworkPolicy").size());
  }

  @Test
  void kustomizationNamesFilesThatExist() throws IOException {
    JsonNode k = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
    k.path("resources").forEach(r -> assertTrue(Files.exists(K8S.resolve(r.asText())), r::asText));
    k.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> {
      String file = f.asText().substring(f.asText().indexOf('=') + 1);
      assertTrue(Files.exists(K8S.resolve(file)), file);
    }));
  }

  @Test
  void containersUseTheServicesPortsProbesAndConfigKeys() {
    List<String> configMaps = new ArrayList<>();
    kustomizationGenerators().forEach(g -> configMaps.add(g.path("name").asText()));
    for (JsonNode deployment : kind("Deployment")) {
      JsonNode pod = deployment.path("spec").path("template").path("spec");
      for (JsonNode c : pod.path("containers")) {
        Service s = serviceOf(c);
        Map<String, Integer> ports = new HashMap<>();
        c.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        String name = c.path("name").asText();
        assertEquals(List.of(s.port()), List.copyOf(ports.values()), name);
        Map<String, String> env = env(c);
        assertEquals(String.valueOf(s.port()), env.get("QUARKUS_HTTP_PORT"), name);
        env.keySet().stream().filter(e -> !e.equals("JAVA_OPTS"))
            .forEach(e -> assertTrue(s.setByEnv(e), e + " in " + name + " sets no configuration key"));
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
          JsonNode get = c.path(probe).path("httpGet");
          assertTrue(s.getPaths().contains(get.path("path").asText()), name + " " + probe);
          assertEquals(s.port(), ports.get(get.path("port").asText()), name + " " + probe);
        }
        assertTrue(c.path("resources").path("requests").isObject(), name);
        assertTrue(c.path("resources").path("limits").isObject(), name);
        if (env.containsKey("VERDICT_POLICIES_DIR")) {
          policiesComeFromAConfigMap(pod, c, env.get("VERDICT_POLICIES_DIR"), configMaps);
        }
      }
    }
  }

  private static JsonNode kustomizationGenerators() {
    try {
      return YAML.readTree(K8S.resolve("kustomization.yaml").toFile()).path("configMapGenerator");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void policiesComeFromAConfigMap(JsonNode pod, JsonNode container, String dir, List<String> configMaps) {
    String volume = null;
    for (JsonNode m : container.path("volumeMounts")) {
      if (m.path("mountPath").asText().equals(dir)) {
        volume = m.path("name").asText();
      }
    }
    assertNotNull(volume, "a volume at " + dir);
    for (JsonNode v : pod.path("volumes")) {
      if (v.path("name").asText().equals(volume)) {
        assertTrue(configMaps.contains(v.path("configMap").path("name").asText()), volume);
        return;
      }
    }
    throw new AssertionError("no volume " + volume);
  }

  @Test
  void theExecutorAsksItsSidecarOnLocalhost() {
    JsonNode pod = deployment("sandbox-executor").path("spec").path("template").path("spec");
    List<String> images = new ArrayList<>();
    pod.path("containers").forEach(c -> images.add(serviceOf(c).image()));
    assertEquals(List.of("verdict/sandbox-executor", "verdict/decision-service"), images);
    JsonNode executor = pod.path("containers").get(0);
    assertEquals("http://localhost:" + SERVICES.get("decision-service").port(), env(executor).get("VERDICT_DECISION_SERVICE_URL"));
  }

  private static JsonNode deployment(String name) {
    return kind("Deployment").stream().filter(d -> d.path("metadata").path("name").asText().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void servicesAndNetworkPoliciesUseTheServicesPorts() {
    for (JsonNode svc : kind("Service")) {
      int port = SERVICES.get(svc.path("metadata").path("name").asText()).port();
      assertEquals(port, svc.path("spec").path("ports").get(0).path("port").asInt());
    }
    JsonNode executor = networkPolicy("sandbox-executor").path("spec");
    assertTrue(executor.path("policyTypes").toString().contains("Egress"));
    assertEquals(1, executor.path("egress").size(), "one egress rule: the decision service");
    JsonNode egress = executor.path("egress").get(0);
    assertEquals(SERVICES.get("decision-service").port(), egress.path("ports").get(0).path("port").asInt());
    assertEquals("decision-service", egress.path("to").get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
    assertEquals(SERVICES.get("sandbox-executor").port(), executor.path("ingress").get(0).path("ports").get(0).path("port").asInt());
  }

  private static JsonNode networkPolicy(String name) {
    return kind("NetworkPolicy").stream().filter(d -> d.path("metadata").path("name").asText().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void autoscalersTargetTheDeployments() {
    for (JsonNode hpa : kind("HorizontalPodAutoscaler")) {
      assertNotNull(deployment(hpa.path("spec").path("scaleTargetRef").path("name").asText()));
    }
  }

  @Test
  void dockerfileBuildsBothServicesOnTheirPorts() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile"));
    assertTrue(dockerfile.contains("FROM eclipse-temurin:21-jre") && dockerfile.contains("target/quarkus-app"));
    Matcher m = Pattern.compile("SERVICE=([a-z-]+) --build-arg PORT=(\\d+)").matcher(dockerfile);
    List<String> built = new ArrayList<>();
    while (m.find()) {
      assertEquals(SERVICES.get(m.group(1)).port(), Integer.parseInt(m.group(2)), m.group(1));
      built.add(m.group(1));
    }
    assertEquals(List.of("decision-service", "sandbox-executor"), built);
  }

  @Test
  void localRunUsesRealKeysAndDefaultPorts() throws IOException {
    String script = Files.readString(ROOT.resolve("deploy/local/run.sh"));
    assertTrue(script.contains("DECISION_PORT:-" + SERVICES.get("decision-service").port()));
    assertTrue(script.contains("EXECUTOR_PORT:-" + SERVICES.get("sandbox-executor").port()));
    Matcher m = Pattern.compile("\\b((?:VERDICT|QUARKUS)_[A-Z_]+)=").matcher(script);
    int found = 0;
    while (m.find()) {
      String env = m.group(1);
      boolean known = SERVICES.values().stream().anyMatch(s -> s.setByEnv(env));
      assertTrue(known, env);
      found++;
    }
    assertTrue(found >= 4, "run.sh sets " + found + " keys");
  }
}
