package dev.verdict.builtins.http;

import dev.verdict.builtins.pki.GoKeys;
import dev.verdict.builtins.pki.Pem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Sends one http.send request with the JDK's HttpClient: OPA's TLS options, no redirects unless
 * asked for, retries with backoff, and Go's wording for network errors.
 */
public final class HttpSendTransport {

  /** Clients are reused per distinct configuration; each keeps its connection pool. */
  private static final Map<ClientConfig, HttpClient> CLIENTS = new ConcurrentHashMap<>();
  private static final Set<String> RESTRICTED_HEADERS = Set.of("Connection", "Content-Length", "Expect", "Host", "Upgrade");

  private HttpSendTransport() {}

  /** A failure to get any response: Go's *url.Error, reported as a network error. */
  public static final class NetworkException extends Exception {
    private final boolean timeout;

    NetworkException(String message, boolean timeout) {
      super(message, null, false, false);
      this.timeout = timeout;
    }

    public boolean timeout() {
      return timeout;
    }
  }

  /** The received response, body read in full. */
  public record Response(int statusCode, Map<String, List<String>> headers, byte[] body) {}

  private record ClientConfig(boolean redirect, boolean insecure, Boolean systemCerts, String caCert, String caFile,
      String caEnv, String clientCert, String clientKey, String clientCertFile, String clientKeyFile,
      String clientCertEnv, String clientKeyEnv, String serverName) {}

  public static Response send(HttpSendOptions o, Map<String, String> extraHeaders) throws NetworkException {
    HttpClient client = client(o);
    HttpRequest request = request(o, extraHeaders);
    for (int attempt = 0; ; attempt++) {
      try {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.headers().map(), r.body());
      } catch (HttpTimeoutException e) {
        if (attempt >= o.maxRetryAttempts()) {
          throw new NetworkException(op(o) + " \"" + o.url() + "\": context deadline exceeded"
              + " (Client.Timeout exceeded while awaiting headers)", true);
        }
      } catch (IOException e) {
        if (attempt >= o.maxRetryAttempts()) {
          throw new NetworkException(op(o) + " \"" + o.url() + "\": " + describe(e), false);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NetworkException(op(o) + " \"" + o.url() + "\": context canceled", false);
      }
      backoff(attempt);
    }
  }

  /** Go's url.Error operation: the method with only its first letter upper case ("Get"). */
  static String op(HttpSendOptions o) {
    String m = o.method().isEmpty() ? "GET" : o.method();
    return m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String describe(IOException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ConnectException || e instanceof ConnectException) {
      return "dial tcp: connect: connection refused";
    }
    if (root instanceof java.nio.channels.UnresolvedAddressException || root instanceof java.net.UnknownHostException) {
      return "dial tcp: lookup: no such host";
    }
    if (root instanceof javax.net.ssl.SSLHandshakeException || root instanceof java.security.cert.CertificateException) {
      return "tls: failed to verify certificate: " + root.getMessage();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** OPA's DefaultBackoff: exponential from 100ms up to 60s, with jitter. */
  private static void backoff(int attempt) throws NetworkException {
    double delay = Math.min(60_000, 100 * Math.pow(1.6, attempt));
    delay *= 1 + 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
    try {
      Thread.sleep((long) delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException("context canceled", false);
    }
  }

  private static HttpRequest request(HttpSendOptions o, Map<String, String> extraHeaders) throws NetworkException {
    URI uri;
    try {
      uri = URI.create(o.url());
    } catch (IllegalArgumentException e) {
      throw new NetworkException("parse \"" + o.url() + "\": " + e.getMessage(), false);
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new NetworkException(op(o) + " \"" + o.url() + "\": unsupported protocol scheme \""
          + (uri.getScheme() == null ? "" : uri.getScheme()) + "\"", false);
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(o.timeout().isZero() ? java.time.Duration.ofDays(365)
        : o.timeout());
    byte[] body = o.body();
    b.method(o.method().isEmpty() ? "GET" : o.method(),
        body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    o.headers().forEach((k, v) -> {
      if (!RESTRICTED_HEADERS.contains(k)) {
        b.header(k, v);
      }
    });
    extraHeaders.forEach(b::setHeader);
    if (!o.headers().isEmpty() && !o.headers().containsKey("User-Agent")) {
      b.header("User-Agent", "Open Policy Agent/verdict");
    }
    return b.build();
  }

  private static HttpClient client(HttpSendOptions o) throws NetworkException {
    ClientConfig config = new ClientConfig(o.enableRedirect(), o.tlsInsecureSkipVerify(), o.tlsUseSystemCerts(),
        o.tlsCaCert(), o.tlsCaCertFile(), o.tlsCaCertEnv(), o.tlsClientCert(), o.tlsClientKey(),
        o.tlsClientCertFile(), o.tlsClientKeyFile(), o.tlsClientCertEnv(), o.tlsClientKeyEnv(), o.tlsServerName());
    HttpClient existing = CLIENTS.get(config);
    if (existing != null) {
      return existing;
    }
    HttpClient.Builder b = HttpClient.newBuilder()
        .followRedirects(o.enableRedirect() ? HttpClient.Redirect.ALWAYS : HttpClient.Redirect.NEVER)
        .connectTimeout(o.timeout().isZero() ? java.time.Duration.ofDays(1) : o.timeout());
    try {
      SSLContext tls = sslContext(config);
      if (tls != null) {
        b.sslContext(tls);
      }
      if (config.serverName() != null && !config.serverName().isEmpty()) {
        SSLParameters params = new SSLParameters();
        params.setServerNames(List.of(new SNIHostName(config.serverName())));
        b.sslParameters(params);
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new NetworkException(e.getMessage(), false);
    }
    HttpClient client = b.build();
    if (CLIENTS.size() > 64) {
      CLIENTS.clear(); // a bound, not an eviction policy: configurations rarely vary much
    }
    CLIENTS.put(config, client);
    return client;
  }

  /** The TLS context the options ask for, or null for the JDK's default. */
  private static SSLContext sslContext(ClientConfig c) throws GeneralSecurityException, IOException {
    List<X509Certificate> cas = new ArrayList<>();
    if (c.caCert() != null && !c.caCert().isEmpty()) {
      cas.addAll(certificates(c.caCert().replace("\\n", "\n")));
    }
    if (c.caFile() != null && !c.caFile().isEmpty()) {
      cas.addAll(certificates(Files.readString(Path.of(c.caFile()))));
    }
    if (c.caEnv() != null && !c.caEnv().isEmpty()) {
      String env = System.getenv(c.caEnv());
      cas.addAll(certificates(env == null ? "" : env));
    }
    String certPem = firstNonEmpty(c.clientCert(), fileText(c.clientCertFile()), envText(c.clientCertEnv()));
    String keyPem = firstNonEmpty(c.clientKey(), fileText(c.clientKeyFile()), envText(c.clientKeyEnv()));
    boolean custom = c.insecure() || !cas.isEmpty() || certPem != null && keyPem != null
        || Boolean.TRUE.equals(c.systemCerts());
    if (!custom) {
      return null;
    }
    TrustManager[] trust;
    if (c.insecure()) {
      trust = new TrustManager[] {new TrustAll()};
    } else {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate ca : cas) {
        store.setCertificateEntry("ca" + i++, ca);
      }
      if (cas.isEmpty() || Boolean.TRUE.equals(c.systemCerts())) {
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        for (TrustManager tm : system.getTrustManagers()) {
          if (tm instanceof javax.net.ssl.X509TrustManager x) {
            for (X509Certificate issuer : x.getAcceptedIssuers()) {
              store.setCertificateEntry("system" + i++, issuer);
            }
          }
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      trust = tmf.getTrustManagers();
    }
    javax.net.ssl.KeyManager[] keys = null;
    if (certPem != null && keyPem != null) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("client", privateKey(keyPem), new char[0], certificates(certPem).toArray(new Certificate[0]));
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, new char[0]);
      keys = kmf.getKeyManagers();
    }
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(keys, trust, null);
    return ctx;
  }

  private static String firstNonEmpty(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private static String fileText(String path) throws IOException {
    return path == null || path.isEmpty() ? null : Files.readString(Path.of(path));
  }

  private static String envText(String name) {
    return name == null || name.isEmpty() ? null : System.getenv(name);
  }

  private static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<X509Certificate> out = new ArrayList<>();
    for (Pem block : Pem.decodeAll(pem)) {
      if (block.type().equals("CERTIFICATE")) {
        out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(block.bytes())));
      }
    }
    if (out.isEmpty()) {
      throw new GeneralSecurityException("could not append certificates");
    }
    return out;
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    try {
      List<PrivateKey> keys = GoKeys.privateKeysFromPem(pem);
      if (keys.isEmpty()) {
        throw new GeneralSecurityException("tls: failed to find any PEM data in key input");
      }
      return keys.get(0);
    } catch (GoKeys.KeyException e) {
      throw new GeneralSecurityException(e.getMessage());
    }
  }

  /** tls_insecure_skip_verify: no chain and no host name checks, as Go's InsecureSkipVerify. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
