package dev.verdict.builtins.pki;

import static dev.verdict.builtins.pki.GoJson.bool;
import static dev.verdict.builtins.pki.GoJson.bytes;
import static dev.verdict.builtins.pki.GoJson.num;
import static dev.verdict.builtins.pki.GoJson.oid;
import static dev.verdict.builtins.pki.GoJson.slice;
import static dev.verdict.builtins.pki.GoJson.str;
import static dev.verdict.builtins.pki.GoJson.strings;

import dev.verdict.builtins.gotime.GoLayout;
import dev.verdict.builtins.pki.Der.DerException;
import dev.verdict.value.NullValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * X.509 certificates parsed and shown as Go's {@code x509.Certificate} marshals to JSON, which
 * is what OPA returns: the JDK parses and verifies, a DER walk supplies Go's raw fields and
 * extension breakdown.
 */
public final class GoX509 {

  static final Map<String, Integer> SIGNATURE_ALGORITHMS = Map.ofEntries(
      Map.entry("1.2.840.113549.1.1.2", 1), Map.entry("1.2.840.113549.1.1.4", 2),
      Map.entry("1.2.840.113549.1.1.5", 3), Map.entry("1.2.840.113549.1.1.11", 4),
      Map.entry("1.2.840.113549.1.1.12", 5), Map.entry("1.2.840.113549.1.1.13", 6),
      Map.entry("1.2.840.10040.4.3", 7), Map.entry("2.16.840.1.101.3.4.3.2", 8),
      Map.entry("1.2.840.10045.4.1", 9), Map.entry("1.2.840.10045.4.3.2", 10),
      Map.entry("1.2.840.10045.4.3.3", 11), Map.entry("1.2.840.10045.4.3.4", 12),
      Map.entry("1.3.101.112", 16));
  static final Map<String, Integer> PSS_HASHES = Map.of(
      "2.16.840.1.101.3.4.2.1", 13, "2.16.840.1.101.3.4.2.2", 14, "2.16.840.1.101.3.4.2.3", 15);
  static final Map<String, Integer> PUBLIC_KEY_ALGORITHMS = Map.of(
      "1.2.840.113549.1.1.1", 1, "1.2.840.10040.4.1", 2, "1.2.840.10045.2.1", 3, "1.3.101.112", 4);
  /** Go's ExtKeyUsage numbering. */
  public static final Map<String, Integer> EXT_KEY_USAGES = Map.ofEntries(
      Map.entry("2.5.29.37.0", 0), Map.entry("1.3.6.1.5.5.7.3.1", 1), Map.entry("1.3.6.1.5.5.7.3.2", 2),
      Map.entry("1.3.6.1.5.5.7.3.3", 3), Map.entry("1.3.6.1.5.5.7.3.4", 4), Map.entry("1.3.6.1.5.5.7.3.5", 5),
      Map.entry("1.3.6.1.5.5.7.3.6", 6), Map.entry("1.3.6.1.5.5.7.3.7", 7), Map.entry("1.3.6.1.5.5.7.3.8", 8),
      Map.entry("1.3.6.1.5.5.7.3.9", 9), Map.entry("1.3.6.1.4.1.311.10.3.3", 10),
      Map.entry("2.16.840.1.113730.4.1", 11), Map.entry("1.3.6.1.4.1.311.2.1.22", 12),
      Map.entry("1.3.6.1.4.1.311.61.1.1", 13));
  private static final Map<String, String> NAME_FIELDS = Map.of(
      "2.5.4.6", "Country", "2.5.4.10", "Organization", "2.5.4.11", "OrganizationalUnit",
      "2.5.4.7", "Locality", "2.5.4.8", "Province", "2.5.4.9", "StreetAddress", "2.5.4.17", "PostalCode");

  private GoX509() {}

  /** Unparseable input, with Go's message. */
  public static final class X509Exception extends Exception {
    public X509Exception(String message) {
      super(message, null, false, false);
    }
  }

  /** A certificate: the JDK's view for crypto, Go's fields for output and checks. */
  public record Cert(X509Certificate jdk, Fields fields) {}

  /** What Go's parser extracts beyond the JDK's accessors. */
  public record Fields(
      byte[] raw, byte[] rawTbs, byte[] rawSpki, byte[] rawSubject, byte[] rawIssuer,
      Names subject, Names issuer, int signatureAlgorithm, int publicKeyAlgorithm,
      List<Extension> extensions, int keyUsage, boolean basicConstraintsValid, boolean isCa,
      int maxPathLen, List<Integer> extKeyUsage, List<long[]> unknownExtKeyUsage,
      byte[] subjectKeyId, byte[] authorityKeyId, List<String> ocspServer, List<String> issuingUrls,
      List<String> dnsNames, List<String> emails, List<String> ips, List<String> uris,
      List<String> crlDistributionPoints, List<long[]> policies, List<long[]> unhandledCritical) {}

  public record Extension(long[] id, boolean critical, byte[] value) {}

  /** A pkix.Name: attribute values in order, by OID. */
  public record Names(List<long[]> types, List<String> values) {
    String first(String oid) {
      for (int i = 0; i < types.size(); i++) {
        if (dotted(types.get(i)).equals(oid)) {
          return values.get(i);
        }
      }
      return "";
    }

    List<String> all(String oid) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < types.size(); i++) {
        if (dotted(types.get(i)).equals(oid)) {
          out.add(values.get(i));
        }
      }
      return out;
    }
  }

  /** Go's x509.ParseCertificates: concatenated DER certificates. */
  public static List<Cert> parseCertificates(byte[] der) throws X509Exception {
    List<Cert> out = new ArrayList<>();
    int p = 0;
    while (p < der.length) {
      try {
        Der d = Der.read(der, p, der.length);
        out.add(parseCertificate(d.raw()));
        p = d.end();
      } catch (DerException e) {
        throw new X509Exception("x509: malformed certificate");
      }
    }
    return out;
  }

  public static Cert parseCertificate(byte[] der) throws X509Exception {
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      X509Certificate jdk = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
      return new Cert(jdk, fields(der));
    } catch (CertificateException | DerException | RuntimeException e) {
      throw new X509Exception("x509: malformed certificate");
    }
  }

  private static Fields fields(byte[] der) throws DerException {
    List<Der> outer = Der.parse(der).expect(Der.SEQUENCE).children();
    Der tbs = outer.get(0).expect(Der.SEQUENCE);
    List<Der> t = tbs.children();
    int i = t.get(0).isContext(0) ? 1 : 0;
    i++; // serial number
    i++; // signature algorithm (repeated outside the TBS)
    Der issuer = t.get(i++);
    i++; // validity
    Der subject = t.get(i++);
    Der spki = t.get(i++);
    Der exts = null;
    for (; i < t.size(); i++) {
      if (t.get(i).isContext(3)) {
        exts = t.get(i).children().get(0);
      }
    }
    ExtensionReader x = new ExtensionReader();
    if (exts != null) {
      for (Der e : exts.children()) {
        x.read(e);
      }
    }
    return new Fields(der, tbs.raw(), spki.raw(), subject.raw(), issuer.raw(), names(subject), names(issuer),
        signatureAlgorithm(outer.get(1)), publicKeyAlgorithm(spki), x.extensions, x.keyUsage, x.bcValid,
        x.isCa, x.maxPathLen, x.extKeyUsage, x.unknownExtKeyUsage, x.ski, x.aki, x.ocsp, x.issuingUrls,
        x.dns, x.emails, x.ips, x.uris, x.crl, x.policies, x.unhandled);
  }

  static int signatureAlgorithm(Der algId) throws DerException {
    List<Der> parts = algId.children();
    String oid = parts.get(0).oidString();
    if (oid.equals("1.2.840.113549.1.1.10") && parts.size() > 1) {
      // RSASSA-PSS: the hash is inside the parameters
      for (Der p : parts.get(1).children()) {
        if (p.isContext(0)) {
          String hash = p.children().get(0).children().get(0).oidString();
          return PSS_HASHES.getOrDefault(hash, 0);
        }
      }
      return 0;
    }
    return SIGNATURE_ALGORITHMS.getOrDefault(oid, 0);
  }

  static int publicKeyAlgorithm(Der spki) throws DerException {
    return PUBLIC_KEY_ALGORITHMS.getOrDefault(spki.children().get(0).children().get(0).oidString(), 0);
  }

  static Names names(Der name) throws DerException {
    List<long[]> types = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Der rdn : name.children()) {
      for (Der atv : rdn.children()) {
        List<Der> tv = atv.children();
        types.add(tv.get(0).oid());
        values.add(tv.get(1).string());
      }
    }
    return new Names(types, values);
  }

  static String dotted(long[] oid) {
    StringBuilder b = new StringBuilder();
    for (long arc : oid) {
      if (!b.isEmpty()) {
        b.append('.');
      }
      b.append(arc);
    }
    return b.toString();
  }

  /** Collects Go's view of the extensions it understands. */
  private static final class ExtensionReader {
    final List<Extension> extensions = new ArrayList<>();
    int keyUsage;
    boolean bcValid;
    boolean isCa;
    int maxPathLen;
    final List<Integer> extKeyUsage = new ArrayList<>();
    final List<long[]> unknownExtKeyUsage = new ArrayList<>();
    byte[] ski;
    byte[] aki;
    final List<String> ocsp = new ArrayList<>();
    final List<String> issuingUrls = new ArrayList<>();
    final List<String> dns = new ArrayList<>();
    final List<String> emails = new ArrayList<>();
    final List<String> ips = new ArrayList<>();
    final List<String> uris = new ArrayList<>();
    final List<String> crl = new ArrayList<>();
    final List<long[]> policies = new ArrayList<>();
    final List<long[]> unhandled = new ArrayList<>();

    void read(Der ext) throws DerException {
      List<Der> parts = ext.children();
      long[] id = parts.get(0).oid();
      boolean critical = parts.size() == 3 && parts.get(1).value().length == 1 && parts.get(1).value()[0] != 0;
      byte[] value = parts.get(parts.size() - 1).expect(Der.OCTET_STRING).value();
      extensions.add(new Extension(id, critical, value));
      Der v = Der.parse(value);
      boolean handled = true;
      switch (dotted(id)) {
        case "2.5.29.15" -> {
          byte[] bits = v.bits();
          for (int i = 0; i < 9 && i / 8 < bits.length; i++) {
            if ((bits[i / 8] & (0x80 >> (i % 8))) != 0) {
              keyUsage |= 1 << i;
            }
          }
        }
        case "2.5.29.19" -> {
          bcValid = true;
          maxPathLen = -1;
          for (Der c : v.children()) {
            if (c.tag() == Der.BOOLEAN) {
              isCa = c.value().length == 1 && c.value()[0] != 0;
            } else if (c.tag() == Der.INTEGER) {
              maxPathLen = c.integer().intValue();
            }
          }
        }
        case "2.5.29.17" -> generalNames(v);
        case "2.5.29.14" -> ski = v.expect(Der.OCTET_STRING).value();
        case "2.5.29.35" -> {
          for (Der c : v.children()) {
            if (c.isContext(0)) {
              aki = c.value();
            }
          }
        }
        case "2.5.29.37" -> {
          for (Der c : v.children()) {
            Integer known = EXT_KEY_USAGES.get(c.oidString());
            if (known != null) {
              extKeyUsage.add(known);
            } else {
              unknownExtKeyUsage.add(c.oid());
            }
          }
        }
        case "2.5.29.31" -> {
          for (Der point : v.children()) {
            for (Der c : point.children()) {
              if (c.isContext(0)) {
                for (Der full : c.children()) {
                  if (full.isContext(0)) {
                    for (Der gn : full.children()) {
                      if (gn.isContext(6)) {
                        crl.add(ascii(gn));
                      }
                    }
                  }
                }
              }
            }
          }
        }
        case "2.5.29.32" -> {
          for (Der info : v.children()) {
            policies.add(info.children().get(0).oid());
          }
        }
        case "1.3.6.1.5.5.7.1.1" -> {
          for (Der access : v.children()) {
            List<Der> ad = access.children();
            String method = ad.get(0).oidString();
            if (ad.get(1).isContext(6)) {
              (method.equals("1.3.6.1.5.5.7.48.1") ? ocsp : issuingUrls).add(ascii(ad.get(1)));
            }
          }
        }
        case "2.5.29.30" -> {
          // name constraints: parsed by Go but not reported here
        }
        default -> handled = false;
      }
      if (critical && !handled) {
        unhandled.add(id);
      }
    }

    private void generalNames(Der seq) throws DerException {
      GoX509.generalNames(seq, dns, emails, ips, uris);
    }
  }

  /** The DNS names, emails, IP addresses and URIs of a GeneralNames sequence (a SAN). */
  static void generalNames(Der seq, List<String> dns, List<String> emails, List<String> ips, List<String> uris)
      throws DerException {
    for (Der gn : seq.children()) {
      if (gn.isContext(1)) {
        emails.add(ascii(gn));
      } else if (gn.isContext(2)) {
        dns.add(ascii(gn));
      } else if (gn.isContext(6)) {
        uris.add(ascii(gn));
      } else if (gn.isContext(7)) {
        try {
          ips.add(InetAddress.getByAddress(gn.value()).getHostAddress());
        } catch (UnknownHostException e) {
          throw new DerException("bad IP address length");
        }
      }
    }
  }

  private static String ascii(Der d) {
    return new String(d.value(), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The certificate as Go marshals x509.Certificate; OPA adds URIStrings in some builtins. */
  public static ObjectValue toValue(Cert c, boolean withUriStrings) {
    Fields f = c.fields();
    X509Certificate j = c.jdk();
    ObjectValue.Builder b = ObjectValue.builder()
        .put("Raw", bytes(f.raw()))
        .put("RawTBSCertificate", bytes(f.rawTbs()))
        .put("RawSubjectPublicKeyInfo", bytes(f.rawSpki()))
        .put("RawSubject", bytes(f.rawSubject()))
        .put("RawIssuer", bytes(f.rawIssuer()))
        .put("Signature", bytes(j.getSignature()))
        .put("SignatureAlgorithm", num(f.signatureAlgorithm()))
        .put("PublicKeyAlgorithm", num(f.publicKeyAlgorithm()))
        .put("PublicKey", GoKeys.publicKey(j.getPublicKey()))
        .put("Version", num(j.getVersion()))
        .put("SerialNumber", num(j.getSerialNumber()))
        .put("Issuer", name(f.issuer()))
        .put("Subject", name(f.subject()))
        .put("NotBefore", time(j.getNotBefore().toInstant()))
        .put("NotAfter", time(j.getNotAfter().toInstant()))
        .put("KeyUsage", num(f.keyUsage()))
        .put("Extensions", slice(f.extensions(), e -> ObjectValue.builder()
            .put("Id", oid(e.id())).put("Critical", bool(e.critical())).put("Value", bytes(e.value())).build()))
        .put("ExtraExtensions", NullValue.NULL)
        .put("UnhandledCriticalExtensions", slice(f.unhandledCritical(), GoJson::oid))
        .put("ExtKeyUsage", slice(f.extKeyUsage(), GoJson::num))
        .put("UnknownExtKeyUsage", slice(f.unknownExtKeyUsage(), GoJson::oid))
        .put("BasicConstraintsValid", bool(f.basicConstraintsValid()))
        .put("IsCA", bool(f.isCa()))
        .put("MaxPathLen", num(f.maxPathLen()))
        .put("MaxPathLenZero", bool(f.basicConstraintsValid() && f.maxPathLen() == 0))
        .put("SubjectKeyId", bytes(f.subjectKeyId()))
        .put("AuthorityKeyId", bytes(f.authorityKeyId()))
        .put("OCSPServer", strings(f.ocspServer()))
        .put("IssuingCertificateURL", strings(f.issuingUrls()))
        .put("DNSNames", strings(f.dnsNames()))
        .put("EmailAddresses", strings(f.emails()))
        .put("IPAddresses", strings(f.ips()))
        .put("URIs", slice(f.uris(), GoX509::url))
        .put("PermittedDNSDomainsCritical", bool(false))
        .put("CRLDistributionPoints", strings(f.crlDistributionPoints()))
        .put("PolicyIdentifiers", slice(f.policies(), GoJson::oid))
        .put("Policies", slice(f.policies(), p -> str(dotted(p))))
        .put("InhibitAnyPolicy", num(0))
        .put("InhibitAnyPolicyZero", bool(false))
        .put("InhibitPolicyMapping", num(0))
        .put("InhibitPolicyMappingZero", bool(false))
        .put("RequireExplicitPolicy", num(0))
        .put("RequireExplicitPolicyZero", bool(false))
        .put("PolicyMappings", NullValue.NULL);
    for (String unset : new String[] {"PermittedDNSDomains", "ExcludedDNSDomains", "PermittedIPRanges",
        "ExcludedIPRanges", "PermittedEmailAddresses", "ExcludedEmailAddresses", "PermittedURIDomains",
        "ExcludedURIDomains"}) {
      b.put(unset, NullValue.NULL);
    }
    if (withUriStrings) {
      b.put("URIStrings", strings(f.uris()));
    }
    return b.build();
  }

  /** pkix.Name as JSON. */
  static ObjectValue name(Names n) {
    ObjectValue.Builder b = ObjectValue.builder();
    NAME_FIELDS.forEach((oid, field) -> b.put(field, strings(n.all(oid))));
    List<Value> atvs = new ArrayList<>();
    for (int i = 0; i < n.types().size(); i++) {
      atvs.add(ObjectValue.builder().put("Type", oid(n.types().get(i))).put("Value", str(n.values().get(i))).build());
    }
    return b.put("SerialNumber", str(n.first("2.5.4.5")))
        .put("CommonName", str(n.first("2.5.4.3")))
        .put("Names", atvs.isEmpty() ? NullValue.NULL : dev.verdict.value.ArrayValue.of(atvs))
        .put("ExtraNames", NullValue.NULL)
        .build();
  }

  /** time.Time's JSON form: RFC 3339 with nanoseconds, here always in UTC. */
  static Value time(Instant t) {
    return str(GoLayout.format(t.atZone(ZoneOffset.UTC), "UTC", GoLayout.NAMED.get("RFC3339Nano")));
  }

  /** url.URL's JSON form. */
  static Value url(String text) {
    ObjectValue.Builder b = ObjectValue.builder();
    String scheme = "";
    String opaque = "";
    String host = "";
    String path = "";
    String query = "";
    String fragment = "";
    try {
      URI u = new URI(text);
      scheme = u.getScheme() == null ? "" : u.getScheme();
      if (u.isOpaque()) {
        opaque = u.getRawSchemeSpecificPart();
      } else {
        host = u.getRawAuthority() == null ? "" : u.getRawAuthority().replaceFirst("^.*@", "");
        path = u.getPath() == null ? "" : u.getPath();
        query = u.getRawQuery() == null ? "" : u.getRawQuery();
      }
      fragment = u.getFragment() == null ? "" : u.getFragment();
    } catch (URISyntaxException e) {
      path = text;
    }
    return b.put("Scheme", str(scheme)).put("Opaque", str(opaque)).put("User", NullValue.NULL)
        .put("Host", str(host)).put("Path", str(path)).put("RawPath", str(""))
        .put("OmitHost", bool(false)).put("ForceQuery", bool(false)).put("RawQuery", str(query))
        .put("Fragment", str(fragment)).put("RawFragment", str(""))
        .build();
  }
}
