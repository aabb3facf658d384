package dev.verdict.builtins.pki;

import static dev.verdict.builtins.pki.GoJson.bytes;
import static dev.verdict.builtins.pki.GoJson.num;
import static dev.verdict.builtins.pki.GoJson.oid;
import static dev.verdict.builtins.pki.GoJson.slice;
import static dev.verdict.builtins.pki.GoJson.strings;

import dev.verdict.builtins.pki.Der.DerException;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/** PKCS#10 certificate requests (the JDK has no public parser) as Go's x509.CertificateRequest. */
public final class GoCsr {

  private GoCsr() {}

  public static ObjectValue parse(byte[] der) throws GoX509.X509Exception {
    if (der.length < 2 || (der[0] & 0xff) != Der.SEQUENCE) {
      throw new GoX509.X509Exception(structureError(der));
    }
    try {
      List<Der> outer = Der.parse(der).children();
      Der info = outer.get(0).expect(Der.SEQUENCE);
      List<Der> parts = info.children();
      Der subject = parts.get(1);
      Der spki = parts.get(2);
      List<Value> attributes = new ArrayList<>();
      List<Value> extensions = new ArrayList<>();
      List<String> dns = new ArrayList<>();
      List<String> emails = new ArrayList<>();
      List<String> ips = new ArrayList<>();
      List<String> uris = new ArrayList<>();
      if (parts.size() > 3 && parts.get(3).isContext(0)) {
        for (Der attr : parts.get(3).children()) {
          List<Der> tv = attr.children();
          List<Value> valueSets = new ArrayList<>();
          for (Der set : tv.get(1).children()) {
            if (!tv.get(0).oidString().equals("1.2.840.113549.1.9.14")) {
              continue;
            }
            List<Value> atvs = new ArrayList<>();
            for (Der ext : set.children()) {
              List<Der> e = ext.children();
              byte[] value = e.get(e.size() - 1).value();
              atvs.add(ObjectValue.builder().put("Type", oid(e.get(0).oid())).put("Value", bytes(value)).build());
              boolean critical = e.size() == 3 && e.get(1).value().length == 1 && e.get(1).value()[0] != 0;
              extensions.add(ObjectValue.builder().put("Id", oid(e.get(0).oid()))
                  .put("Critical", GoJson.bool(critical)).put("Value", bytes(value)).build());
              if (e.get(0).oidString().equals("2.5.29.17")) {
                GoX509.generalNames(Der.parse(value), dns, emails, ips, uris);
              }
            }
            valueSets.add(ArrayValue.of(atvs));
          }
          attributes.add(ObjectValue.builder().put("Type", oid(tv.get(0).oid()))
              .put("Value", valueSets.isEmpty() ? NullValue.NULL : ArrayValue.of(valueSets)).build());
        }
      }
      Value publicKey;
      try {
        publicKey = GoKeys.publicKey(GoKeys.publicKey(spki.raw()));
      } catch (GoKeys.KeyException e) {
        publicKey = NullValue.NULL;
      }
      return ObjectValue.builder()
          .put("Raw", bytes(der))
          .put("RawTBSCertificateRequest", bytes(info.raw()))
          .put("RawSubjectPublicKeyInfo", bytes(spki.raw()))
          .put("RawSubject", bytes(subject.raw()))
          .put("Version", num(parts.get(0).integer()))
          .put("Signature", bytes(outer.get(2).bits()))
          .put("SignatureAlgorithm", num(GoX509.signatureAlgorithm(outer.get(1))))
          .put("PublicKeyAlgorithm", num(GoX509.publicKeyAlgorithm(spki)))
          .put("PublicKey", publicKey)
          .put("Subject", GoX509.name(GoX509.names(subject)))
          .put("Attributes", attributes.isEmpty() ? NullValue.NULL : ArrayValue.of(attributes))
          .put("Extensions", extensions.isEmpty() ? NullValue.NULL : ArrayValue.of(extensions))
          .put("ExtraExtensions", NullValue.NULL)
          .put("DNSNames", strings(dns))
          .put("EmailAddresses", strings(emails))
          .put("IPAddresses", strings(ips))
          .put("URIs", slice(uris, GoX509::url))
          .build();
    } catch (DerException | RuntimeException e) {
      throw new GoX509.X509Exception("asn1: structure error: " + e.getMessage());
    }
  }

  /** Go's asn1 message when the outer element is not a SEQUENCE. */
  private static String structureError(byte[] der) {
    if (der.length < 2) {
      return "asn1: syntax error: sequence truncated";
    }
    int b = der[0] & 0xff;
    int len = der[1] & 0xff;
    return "asn1: structure error: tags don't match (16 vs {class:" + (b >> 6) + " tag:" + (b & 0x1f)
        + " length:" + len + " isCompound:" + ((b & 0x20) != 0) + "}) {optional:false explicit:false"
        + " application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0"
        + " set:false omitEmpty:false} certificateRequest @2";
  }
}
