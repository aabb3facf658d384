package dev.verdict.service.bundle;

/** A bundle that cannot be downloaded or read (corrupt archive, bad manifest, too large). */
final class BundleException extends Exception {

  BundleException(String message) {
    super(message, null, false, false);
  }
}
