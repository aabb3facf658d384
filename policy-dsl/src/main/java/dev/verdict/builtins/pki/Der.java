package dev.verdict.builtins.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal DER reader: enough of ASN.1 to expose the raw parts Go's x509 reports (RawSubject,
 * RawTBSCertificate …) and to read what the JDK has no public parser for (PKCS#10 requests,
 * SEC1 keys). Elements are views on the source bytes.
 */
public record Der(byte[] src, int start, int valueStart, int end, int tag) {

  public static final int BOOLEAN = 0x01;
  public static final int INTEGER = 0x02;
  public static final int BIT_STRING = 0x03;
  public static final int OCTET_STRING = 0x04;
  public static final int NULL = 0x05;
  public static final int OID = 0x06;
  public static final int UTF8_STRING = 0x0c;
  public static final int SEQUENCE = 0x30;
  public static final int SET = 0x31;

  /** Malformed DER. */
  public static final class DerException extends Exception {
    public DerException(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads the element starting at {@code off}, which must end by {@code limit}. */
  public static Der read(byte[] b, int off, int limit) throws DerException {
    if (off + 2 > limit) {
      throw new DerException("truncated element");
    }
    int tag = b[off] & 0xff;
    if ((tag & 0x1f) == 0x1f) {
      throw new DerException("high-tag-number form not supported");
    }
    int p = off + 1;
    int len = b[p++] & 0xff;
    if (len >= 0x80) {
      int n = len & 0x7f;
      if (n == 0 || n > 4 || p + n > limit) {
        throw new DerException("bad length");
      }
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (b[p++] & 0xff);
      }
      if (len < 0) {
        throw new DerException("bad length");
      }
    }
    if (p + len > limit || p + len < p) {
      throw new DerException("data truncated");
    }
    return new Der(b, off, p, p + len, tag);
  }

  /** The single element making up all of {@code b}. */
  public static Der parse(byte[] b) throws DerException {
    Der d = read(b, 0, b.length);
    if (d.end != b.length) {
      throw new DerException("trailing data");
    }
    return d;
  }

  public boolean constructed() {
    return (tag & 0x20) != 0;
  }

  /** True for a context-specific tag {@code [n]}. */
  public boolean isContext(int n) {
    return (tag & 0xc0) == 0x80 && (tag & 0x1f) == n;
  }

  public byte[] raw() {
    return Arrays.copyOfRange(src, start, end);
  }

  public byte[] value() {
    return Arrays.copyOfRange(src, valueStart, end);
  }

  public List<Der> children() throws DerException {
    List<Der> out = new ArrayList<>();
    int p = valueStart;
    while (p < end) {
      Der d = read(src, p, end);
      out.add(d);
      p = d.end;
    }
    return out;
  }

  public Der expect(int expectedTag) throws DerException {
    if (tag != expectedTag) {
      throw new DerException("tags don't match (" + (expectedTag & 0x1f) + " vs " + (tag & 0x1f) + ")");
    }
    return this;
  }

  public BigInteger integer() throws DerException {
    expect(INTEGER);
    if (end == valueStart) {
      throw new DerException("empty integer");
    }
    return new BigInteger(value());
  }

  /** The content of a BIT STRING without its unused-bits byte. */
  public byte[] bits() throws DerException {
    expect(BIT_STRING);
    if (end == valueStart) {
      throw new DerException("empty bit string");
    }
    return Arrays.copyOfRange(src, valueStart + 1, end);
  }

  /** An OBJECT IDENTIFIER's arcs. */
  public long[] oid() throws DerException {
    expect(OID);
    List<Long> arcs = new ArrayList<>();
    long v = 0;
    boolean first = true;
    for (int i = valueStart; i < end; i++) {
      v = (v << 7) | (src[i] & 0x7f);
      if ((src[i] & 0x80) == 0) {
        if (first) {
          long a = Math.min(v / 40, 2);
          arcs.add(a);
          arcs.add(v - a * 40);
          first = false;
        } else {
          arcs.add(v);
        }
        v = 0;
      }
    }
    return arcs.stream().mapToLong(Long::longValue).toArray();
  }

  public String oidString() throws DerException {
    StringBuilder b = new StringBuilder();
    for (long arc : oid()) {
      if (!b.isEmpty()) {
        b.append('.');
      }
      b.append(arc);
    }
    return b.toString();
  }

  /** The text of one of ASN.1's string types, as Go's x509 parser decodes them. */
  public String string() throws DerException {
    return switch (tag) {
      case 0x0c, 0x13, 0x16, 0x14, 0x12, 0x1a -> new String(value(),
          tag == 0x0c ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      case 0x1e -> new String(value(), StandardCharsets.UTF_16BE);
      case 0x1c -> new String(value(), java.nio.charset.Charset.forName("UTF-32BE"));
      default -> throw new DerException("unsupported string type: " + tag);
    };
  }
}
