package dev.verdict.builtins.pki;

import dev.verdict.builtins.pki.GoX509.Cert;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chain verification with the rules of Go's {@code Certificate.Verify} that OPA relies on:
 * validity period, CA flag and path length of intermediates, no SHA-1/MD5 signatures, extended
 * key usage (server auth unless told otherwise) and the DNS name.
 */
public final class GoVerify {

  private static final Set<Integer> INSECURE_SIGNATURES = Set.of(1, 2, 3, 7, 9);
  private static final int EKU_ANY = 0;
  private static final int EKU_SERVER_AUTH = 1;

  private GoVerify() {}

  /** What {@code crypto.x509.parse_and_verify_certificates_with_options} may set. */
  public record Options(String dnsName, Instant currentTime, List<Integer> keyUsages) {}

  /** Verification failed. */
  public static final class VerifyException extends Exception {
    VerifyException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Verifies the last certificate (the leaf) through the middle ones (intermediates) to the first
   * (the root); returns the chain from leaf to root.
   */
  public static List<Cert> verify(List<Cert> certs, Options opts) throws VerifyException {
    if (certs.size() < 2) {
      throw new VerifyException("operand 1 must supply at least two certificates to be able to verify");
    }
    Cert root = certs.get(0);
    List<Cert> intermediates = certs.subList(1, certs.size() - 1);
    Cert leaf = certs.get(certs.size() - 1);
    if (opts.dnsName() != null && !opts.dnsName().isEmpty()) {
      verifyHostname(leaf, opts.dnsName());
    }
    checkValid(leaf, false, List.of(leaf), opts.currentTime());
    List<Cert> chain = new ArrayList<>(List.of(leaf));
    List<Integer> usages = opts.keyUsages().isEmpty() ? List.of(EKU_SERVER_AUTH) : opts.keyUsages();
    List<Cert> found = build(chain, root, intermediates, opts.currentTime(), usages);
    if (found == null) {
      throw new VerifyException("x509: certificate signed by unknown authority");
    }
    return found;
  }

  private static List<Cert> build(List<Cert> chain, Cert root, List<Cert> intermediates, Instant now,
      List<Integer> usages) {
    Cert current = chain.get(chain.size() - 1);
    if (chain.size() > 10) {
      return null;
    }
    if (issues(root, current) && isValid(root, false, chain, now)) {
      List<Cert> full = new ArrayList<>(chain);
      full.add(root);
      if (usages.contains(EKU_ANY) || keyUsageOk(full, usages)) {
        return full;
      }
    }
    for (Cert candidate : intermediates) {
      if (chain.contains(candidate) || !issues(candidate, current) || !isValid(candidate, true, chain, now)) {
        continue;
      }
      chain.add(candidate);
      List<Cert> found = build(chain, root, intermediates, now, usages);
      if (found != null) {
        return found;
      }
      chain.remove(chain.size() - 1);
    }
    return null;
  }

  private static boolean issues(Cert parent, Cert child) {
    if (!Arrays.equals(parent.fields().rawSubject(), child.fields().rawIssuer())) {
      return false;
    }
    if (INSECURE_SIGNATURES.contains(child.fields().signatureAlgorithm())) {
      return false;
    }
    try {
      child.jdk().verify(parent.jdk().getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean isValid(Cert c, boolean intermediate, List<Cert> chain, Instant now) {
    try {
      checkValid(c, intermediate, chain, now);
      return true;
    } catch (VerifyException e) {
      return false;
    }
  }

  private static void checkValid(Cert c, boolean intermediate, List<Cert> chain, Instant now)
      throws VerifyException {
    if (now.isBefore(c.jdk().getNotBefore().toInstant()) || now.isAfter(c.jdk().getNotAfter().toInstant())) {
      throw new VerifyException("x509: certificate has expired or is not yet valid");
    }
    GoX509.Fields f = c.fields();
    if (intermediate && (!f.basicConstraintsValid() || !f.isCa())) {
      throw new VerifyException("x509: certificate is not authorized to sign other certificates");
    }
    if (f.basicConstraintsValid() && f.maxPathLen() >= 0 && chain.size() - 1 > f.maxPathLen()) {
      throw new VerifyException("x509: too many intermediates for path length constraint");
    }
  }

  /** Go's checkChainForKeyUsage: every requested usage crossed out by some certificate fails. */
  private static boolean keyUsageOk(List<Cert> chain, List<Integer> requested) {
    List<Integer> usages = new ArrayList<>(requested);
    int remaining = usages.size();
    for (int i = chain.size() - 1; i >= 0; i--) {
      GoX509.Fields f = chain.get(i).fields();
      if (f.extKeyUsage().isEmpty() && f.unknownExtKeyUsage().isEmpty()) {
        continue;
      }
      if (f.extKeyUsage().contains(EKU_ANY)) {
        continue;
      }
      for (int u = 0; u < usages.size(); u++) {
        Integer wanted = usages.get(u);
        if (wanted == null || f.extKeyUsage().contains(wanted)) {
          continue;
        }
        usages.set(u, null);
        if (--remaining == 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static void verifyHostname(Cert leaf, String host) throws VerifyException {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (looksLikeIp(h)) {
      try {
        String canonical = InetAddress.getByName(h).getHostAddress();
        for (String ip : leaf.fields().ips()) {
          if (InetAddress.getByName(ip).getHostAddress().equals(canonical)) {
            return;
          }
        }
      } catch (java.net.UnknownHostException e) {
        // not an address after all
      }
      throw new VerifyException("x509: certificate is not valid for any names, but wanted to match " + host);
    }
    String wanted = h.toLowerCase(Locale.ROOT);
    if (wanted.endsWith(".")) {
      wanted = wanted.substring(0, wanted.length() - 1);
    }
    for (String pattern : leaf.fields().dnsNames()) {
      if (matchHostname(pattern.toLowerCase(Locale.ROOT), wanted)) {
        return;
      }
    }
    throw new VerifyException("x509: certificate is valid for " + String.join(", ", leaf.fields().dnsNames())
        + ", not " + host);
  }

  private static boolean looksLikeIp(String h) {
    return h.contains(":") || h.matches("[0-9.]+");
  }

  /** Go's matchHostnames: equal label by label, a leading "*" label matching one label. */
  private static boolean matchHostname(String pattern, String host) {
    if (pattern.endsWith(".")) {
      pattern = pattern.substring(0, pattern.length() - 1);
    }
    if (pattern.isEmpty() || host.isEmpty()) {
      return false;
    }
    String[] p = pattern.split("\\.", -1);
    String[] h = host.split("\\.", -1);
    if (p.length != h.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (i == 0 && p[i].equals("*")) {
        continue;
      }
      if (!p[i].equals(h[i])) {
        return false;
      }
    }
    return true;
  }
}
