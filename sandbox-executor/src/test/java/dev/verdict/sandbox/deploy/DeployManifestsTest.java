package dev.verdict.sandbox.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/ against the services themselves: every manifest parses, and ports, probe paths, config
 * keys and environment variables agree with each service's application.properties and code. Lives
 * here because this module sees both services (decision-service's classes, built first by the reactor).
 * Both Kubernetes variants are checked as kustomize renders them ({@link Kustomize}): deploy/k8s
 * (policies from ConfigMaps) and deploy/k8s-bundle-server (policies as bundles from nginx).
 */
class DeployManifestsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path K8S = ROOT.resolve("deploy/k8s");
  private static final Path BUNDLE_VARIANT = ROOT.resolve("deploy/k8s-bundle-server");
  private static final ObjectMapper YAML = Kustomize.YAML;
  private static final String BUNDLE_SERVER_IMAGE = "verdict/bundle-server";

  /** What the manifests need to know of one service. */
  record Service(String image, int port, List<String> getPaths, ConfigKeys keys, Properties props) {

    boolean setByEnv(String env) {
      return keys.setByEnv(env) || props.containsKey(env.toLowerCase().replace('_', '.'));
    }
  }

  /** One way to deploy: the objects its kustomization renders. */
  record Variant(String name, Path dir, List<JsonNode> docs) {

    List<JsonNode> kind(String kind) {
      return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    JsonNode named(String kind, String name) {
      return kind(kind).stream().filter(d -> d.path("metadata").path("name").asText().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " " + name));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final Map<String, Service> SERVICES = new HashMap<>();
  private static Variant configMaps;
  private static Variant bundles;
  /** deploy/k8s-bundle-server/nginx.conf: the bundle server's port, root and locations. */
  private static Nginx nginx;

  record Nginx(String text, int port, String root, List<String> prefixes, List<String> exact) {

    static Nginx parse(String text) {
      Matcher listen = Pattern.compile("(?m)^\\s*listen\\s+(\\d+)\\s*;").matcher(text);
      Matcher root = Pattern.compile("(?m)^\\s*root\\s+(\\S+)\\s*;").matcher(text);
      assertTrue(listen.find() && root.find(), text);
      List<String> prefixes = new ArrayList<>();
      List<String> exact = new ArrayList<>();
      Matcher loc = Pattern.compile("(?m)^\\s*location\\s+(=\\s*)?(\\S+)\\s*\\{").matcher(text);
      while (loc.find()) {
        (loc.group(1) != null ? exact : prefixes).add(loc.group(2));
      }
      return new Nginx(text, Integer.parseInt(listen.group(1)), root.group(1), prefixes, exact);
    }

    /** The location serving {@code path}: an exact one, else the longest prefix other than "/". */
    String locationOf(String path) {
      if (exact.contains(path)) {
        return "= " + path;
      }
      return prefixes.stream().filter(p -> !p.equals("/") && path.startsWith(p)).max(java.util.Comparator.comparingInt(String::length))
          .orElse(null);
    }
  }

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
    configMaps = new Variant("configmap", K8S, Kustomize.render(K8S));
    bundles = new Variant("bundle-server", BUNDLE_VARIANT, Kustomize.render(BUNDLE_VARIANT));
    nginx = Nginx.parse(Files.readString(BUNDLE_VARIANT.resolve("nginx.conf")));
  }

  static Stream<Variant> variants() {
    return Stream.of(configMaps, bundles);
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

  /** The port of each workload by name: the services' own, and the bundle server's from its nginx site. */
  private static int portOf(String workload) {
    if (workload.equals("bundle-server")) {
      return nginx.port();
    }
    Service s = SERVICES.get(workload);
    assertNotNull(s, "unknown workload " + workload);
    return s.port();
  }

  private static boolean isBundleServer(JsonNode container) {
    return container.path("image").asText().startsWith(BUNDLE_SERVER_IMAGE + ":");
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

  private static final Pattern BUNDLE_URL_ENV = Pattern.compile("VERDICT_BUNDLES_([A-Z0-9_]+)_URL");

  private static List<String> bundleUrls(JsonNode container) {
    return env(container).entrySet().stream().filter(e -> BUNDLE_URL_ENV.matcher(e.getKey()).matches())
        .map(Map.Entry::getValue).sorted().toList();
  }

  private static List<JsonNode> containers(Variant v) {
    List<JsonNode> out = new ArrayList<>();
    v.kind("Deployment").forEach(d -> d.path("spec").path("template").path("spec").path("containers").forEach(out::add));
    return out;
  }

  @ParameterizedTest
  @MethodSource("variants")
  void everyManifestParsesAsKubernetesObjects(Variant v) {
    assertTrue(v.docs().size() >= 10, v.docs()::toString);
    for (JsonNode d : v.docs()) {
      assertFalse(d.path("apiVersion").asText().isEmpty(), d::toString);
      assertFalse(d.path("kind").asText().isEmpty(), d::toString);
      assertFalse(d.path("metadata").path("name").asText().isEmpty(), d::toString);
      if (!d.path("kind").asText().equals("Namespace")) {
        assertEquals("verdict", d.path("metadata").path("namespace").asText(), d::toString);
      }
    }
    int extra = v == bundles ? 1 : 0; // the bundle server
    assertEquals(2 + extra, v.kind("Deployment").size());
    assertEquals(2 + extra, v.kind("Service").size());
    assertEquals(2, v.kind("HorizontalPodAutoscaler").size());
    assertEquals(2 + extra, v.kind("NetworkPolicy").size());
  }

  @Test
  void kustomizationsNameFilesThatExist() throws IOException {
    for (Path dir : List.of(K8S, BUNDLE_VARIANT)) {
      JsonNode k = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
      k.path("resources").forEach(r -> assertTrue(Files.exists(dir.resolve(r.asText())), r::asText));
      k.path("patches").forEach(p -> assertTrue(!p.has("path") || Files.exists(dir.resolve(p.path("path").asText())), p::toString));
      k.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> {
        String file = f.asText().substring(f.asText().indexOf('=') + 1);
        assertTrue(Files.exists(dir.resolve(file)), file);
      }));
    }
    // Every YAML file of a variant is one of its resources or patches: none lies there unused.
    for (Variant v : List.of(configMaps, bundles)) {
      JsonNode k = YAML.readTree(v.dir().resolve("kustomization.yaml").toFile());
      List<String> named = new ArrayList<>(List.of("kustomization.yaml"));
      k.path("resources").forEach(r -> named.add(r.asText()));
      k.path("patches").forEach(p -> named.add(p.path("path").asText()));
      try (Stream<Path> files = Files.list(v.dir())) {
        files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
            .forEach(f -> assertTrue(named.contains(f), v + ": " + f + " is not in its kustomization"));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void containersUseTheServicesPortsProbesAndConfigKeys(Variant v) {
    List<String> configMapNames = v.kind("ConfigMap").stream().map(c -> c.path("metadata").path("name").asText()).toList();
    for (JsonNode deployment : v.kind("Deployment")) {
      JsonNode pod = deployment.path("spec").path("template").path("spec");
      for (JsonNode c : pod.path("containers")) {
        if (isBundleServer(c)) {
          continue; // bundleServerServesWhatTheDecisionServicesPoll
        }
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
          policiesComeFromAConfigMap(pod, c, env.get("VERDICT_POLICIES_DIR"), configMapNames);
        }
      }
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

  /** Each decision service has one source of policies: a ConfigMap directory, or bundles from the bundle server. */
  @ParameterizedTest
  @MethodSource("variants")
  void decisionServicesTakePoliciesFromTheVariantsSource(Variant v) {
    List<JsonNode> decisionServices = containers(v).stream()
        .filter(c -> !isBundleServer(c) && serviceOf(c).image().equals("verdict/decision-service")).toList();
    assertEquals(2, decisionServices.size(), "the executor's sidecar and the central service");
    for (JsonNode c : decisionServices) {
      boolean dir = env(c).containsKey("VERDICT_POLICIES_DIR");
      List<String> urls = bundleUrls(c);
      assertEquals(v == configMaps, dir, v + ": " + c);
      assertEquals(v == bundles, !urls.isEmpty(), v + ": " + c);
    }
    List<String> volumeConfigMaps = new ArrayList<>();
    v.kind("Deployment").forEach(d -> d.path("spec").path("template").path("spec").path("volumes")
        .forEach(vol -> volumeConfigMaps.add(vol.path("configMap").path("name").asText(""))));
    for (JsonNode cm : v.kind("ConfigMap")) {
      assertTrue(volumeConfigMaps.contains(cm.path("metadata").path("name").asText()), v + ": ConfigMap mounted by nobody: " + cm);
    }
  }

  /**
   * The executor pod: the executor and its decision-service sidecar, asked on localhost. Kustomize
   * may reorder the containers when it patches one, so the pod names its default container (the one
   * {@code kubectl logs} and {@code exec} pick).
   */
  @ParameterizedTest
  @MethodSource("variants")
  void theExecutorAsksItsSidecarOnLocalhost(Variant v) {
    JsonNode template = v.named("Deployment", "sandbox-executor").path("spec").path("template");
    JsonNode pod = template.path("spec");
    Map<String, JsonNode> byImage = new HashMap<>();
    pod.path("containers").forEach(c -> byImage.put(serviceOf(c).image(), c));
    assertEquals(java.util.Set.of("verdict/sandbox-executor", "verdict/decision-service"), byImage.keySet());
    JsonNode executor = byImage.get("verdict/sandbox-executor");
    assertEquals(executor.path("name").asText(),
        template.path("metadata").path("annotations").path("kubectl.kubernetes.io/default-container").asText());
    assertEquals("http://localhost:" + SERVICES.get("decision-service").port(), env(executor).get("VERDICT_DECISION_SERVICE_URL"));
  }

  /**
   * Services expose their workload's port; each pod admits ingress on its own port only; egress goes
   * where the pod's containers call and nowhere else: the executor pod to the central decision
   * service, and every pod whose decision service polls bundles to the bundle server.
   */
  @ParameterizedTest
  @MethodSource("variants")
  void servicesAndNetworkPoliciesUseTheServicesPorts(Variant v) {
    for (JsonNode svc : v.kind("Service")) {
      String name = svc.path("metadata").path("name").asText();
      assertEquals(portOf(name), svc.path("spec").path("ports").get(0).path("port").asInt(), name);
      assertEquals(name, svc.path("spec").path("selector").path("app.kubernetes.io/name").asText(), name);
    }
    for (JsonNode deployment : v.kind("Deployment")) {
      String app = deployment.path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/name").asText();
      JsonNode policy = v.named("NetworkPolicy", app).path("spec");
      assertEquals(app, policy.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
      assertTrue(policy.path("policyTypes").toString().contains("Ingress") && policy.path("policyTypes").toString().contains("Egress"), app);
      assertEquals(1, policy.path("ingress").size(), app);
      assertEquals(portOf(app), policy.path("ingress").get(0).path("ports").get(0).path("port").asInt(), app);

      List<String> expected = new ArrayList<>();
      if (app.equals("sandbox-executor")) {
        expected.add("decision-service");
      }
      boolean polls = false;
      for (JsonNode c : deployment.path("spec").path("template").path("spec").path("containers")) {
        polls |= !bundleUrls(c).isEmpty();
      }
      if (polls) {
        expected.add("bundle-server");
      }
      List<String> egress = new ArrayList<>();
      for (JsonNode rule : policy.path("egress")) {
        assertEquals(1, rule.path("to").size(), app + ": one destination a rule");
        String to = rule.path("to").get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
        assertEquals(portOf(to), rule.path("ports").get(0).path("port").asInt(), app + " → " + to);
        egress.add(to);
      }
      assertEquals(expected, egress, v + ": egress of " + app);
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void autoscalersTargetTheDeployments(Variant v) {
    for (JsonNode hpa : v.kind("HorizontalPodAutoscaler")) {
      assertNotNull(v.named("Deployment", hpa.path("spec").path("scaleTargetRef").path("name").asText()));
    }
  }

  /**
   * The bundle-server variant end to end on paper: the decision services' bundle URLs name the bundle
   * server's Service (through the variables Kubernetes derives from its name) and port, paths its nginx
   * site serves, and bundles its image's recipe builds with {@code verdict build}; the pod serves that
   * site on the container port its probes use, as the image's user.
   */
  @Test
  void bundleServerServesWhatTheDecisionServicesPoll() throws IOException {
    JsonNode deployment = bundles.named("Deployment", "bundle-server");
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    assertEquals(1, pod.path("containers").size());
    JsonNode c = pod.path("containers").get(0);
    assertTrue(isBundleServer(c), c::toString);
    assertEquals(nginx.port(), c.path("ports").get(0).path("containerPort").asInt());
    String portName = c.path("ports").get(0).path("name").asText();
    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      JsonNode get = c.path(probe).path("httpGet");
      assertEquals(portName, get.path("port").asText(), probe);
      assertNotNull(nginx.locationOf(get.path("path").asText()), probe + " " + get.path("path") + " is not served");
    }
    assertTrue(c.path("resources").path("requests").isObject() && c.path("resources").path("limits").isObject());
    assertTrue(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean());

    // The site is nginx.conf, from a generated ConfigMap, where nginx reads its sites.
    String siteVolume = null;
    for (JsonNode m : c.path("volumeMounts")) {
      if (m.path("mountPath").asText().equals("/etc/nginx/conf.d")) {
        siteVolume = m.path("name").asText();
      }
    }
    assertNotNull(siteVolume, "nginx.conf mounted at /etc/nginx/conf.d");
    String configMap = null;
    for (JsonNode vol : pod.path("volumes")) {
      if (vol.path("name").asText().equals(siteVolume)) {
        configMap = vol.path("configMap").path("name").asText();
      }
    }
    assertEquals(nginx.text(), bundles.named("ConfigMap", configMap).path("data").path("default.conf").asText());

    // The image: nginx-unprivileged (uid 101) with the bundles `verdict build` wrote, where the site's root serves them.
    String dockerfile = Files.readString(ROOT.resolve("deploy/docker/bundle-server.Dockerfile"));
    assertTrue(dockerfile.contains("FROM nginxinc/nginx-unprivileged:"), dockerfile);
    assertEquals(101, pod.path("securityContext").path("runAsUser").asInt());
    Matcher copy = Pattern.compile("(?m)^COPY .*\\*\\.tar\\.gz (\\S+)$").matcher(dockerfile);
    assertTrue(copy.find(), dockerfile);
    String bundleDir = copy.group(1);
    Matcher built = Pattern.compile("bin/verdict build -o target/bundles/(\\S+\\.tar\\.gz) ").matcher(dockerfile);
    List<String> images = new ArrayList<>();
    while (built.find()) {
      images.add(built.group(1));
    }
    assertEquals(2, images.size(), dockerfile);

    // Every bundle URL: http://$(SVC_SERVICE_HOST):$(SVC_SERVICE_PORT)/path, SVC the bundle server's Service.
    Pattern url = Pattern.compile("http://\\$\\(([A-Z0-9_]+)_SERVICE_HOST\\):\\$\\(\\1_SERVICE_PORT\\)(/\\S+)");
    List<String> polled = new ArrayList<>();
    for (JsonNode container : containers(bundles)) {
      for (String u : bundleUrls(container)) {
        Matcher m = url.matcher(u);
        assertTrue(m.matches(), u);
        JsonNode svc = bundles.kind("Service").stream()
            .filter(s -> s.path("metadata").path("name").asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_').equals(m.group(1)))
            .findFirst().orElseThrow(() -> new AssertionError("no Service behind " + u));
        assertEquals("bundle-server", svc.path("spec").path("selector").path("app.kubernetes.io/name").asText(), u);
        assertEquals(nginx.port(), svc.path("spec").path("ports").get(0).path("port").asInt(), u);
        String path = m.group(2);
        assertNotNull(nginx.locationOf(path), path + " is not served");
        assertEquals(Path.of(nginx.root(), path).getParent().toString() + "/", bundleDir, path + " is not where the image puts bundles");
        String file = path.substring(path.lastIndexOf('/') + 1);
        assertTrue(images.contains(file), file + " is not built by the image's recipe");
        polled.add(file);
      }
    }
    assertEquals(images.stream().sorted().toList(), polled.stream().sorted().toList(), "every bundle built is polled");
    assertTrue(images.contains(c.path("readinessProbe").path("httpGet").path("path").asText().replaceAll(".*/", "")),
        "readiness asks for a bundle");
  }

  /** Where kubectl is installed, its kustomize renders the same objects as {@link Kustomize}. */
  @ParameterizedTest
  @MethodSource("variants")
  void kubectlRendersTheSameObjects(Variant v) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", v.dir().toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException noKubectl) {
      assumeTrue(false, "no kubectl");
      return;
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), v + ": kubectl kustomize failed");
    List<JsonNode> rendered = new ArrayList<>();
    YAML.readerFor(JsonNode.class).readValues(out).forEachRemaining(n -> rendered.add((JsonNode) n));
    assertEquals(summary(v.docs()), summary(rendered), v.toString());
  }

  /** Kind/name of each object, its pod's containers (env, mounts, in order) and volumes, its network policy. */
  private static List<String> summary(List<JsonNode> docs) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : docs) {
      StringBuilder b = new StringBuilder(d.path("kind").asText() + "/" + d.path("metadata").path("name").asText()
          + " ns=" + d.path("metadata").path("namespace").asText());
      JsonNode pod = d.path("spec").path("template").path("spec");
      b.append(" annotations=").append(sorted(d.path("spec").path("template").path("metadata").path("annotations")));
      pod.path("containers").forEach(c -> {
        b.append(" ").append(c.path("name").asText()).append(":");
        List<String> env = new ArrayList<>();
        c.path("env").forEach(e -> env.add(e.path("name").asText() + "=" + e.path("value").asText()));
        List<String> mounts = new ArrayList<>();
        c.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
        b.append(env).append(mounts);
      });
      List<String> volumes = new ArrayList<>();
      pod.path("volumes").forEach(vol -> volumes.add(vol.path("name").asText()));
      b.append(" volumes=").append(volumes);
      if (d.path("kind").asText().equals("NetworkPolicy")) {
        b.append(" ").append(sorted(d.path("spec")));
      }
      if (d.path("kind").asText().equals("ConfigMap")) {
        b.append(" ").append(d.path("data").size());
      }
      out.add(b.toString());
    }
    return out.stream().sorted().toList();
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

  /** JSON with every object's keys in order: kubectl sorts them, the manifests do not. */
  private static String sorted(JsonNode n) {
    if (n.isObject()) {
      java.util.TreeMap<String, String> fields = new java.util.TreeMap<>();
      n.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
      return fields.toString();
    }
    if (n.isArray()) {
      List<String> items = new ArrayList<>();
      n.forEach(i -> items.add(sorted(i)));
      return items.toString();
    }
    return n.toString();
  }
}
