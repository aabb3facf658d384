package dev.verdict.service.bundle;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import java.time.Instant;
import java.util.List;

/**
 * One bundle's state in the shape of OPA's status API: the active revision, when the last download
 * and activation succeeded, and the errors of the latest attempt (empty when it went well).
 */
public record BundleStatus(
    String name,
    String activeRevision,
    Instant lastSuccessfulDownload,
    Instant lastSuccessfulActivation,
    Instant lastRequest,
    List<String> errors) {

  public BundleStatus {
    errors = List.copyOf(errors);
  }

  static BundleStatus pending(String name) {
    return new BundleStatus(name, null, null, null, null, List.of("not downloaded yet"));
  }

  public boolean activated() {
    return lastSuccessfulActivation != null;
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  BundleStatus notModified(Instant now) {
    return new BundleStatus(name, activeRevision, now, lastSuccessfulActivation, now, List.of());
  }

  BundleStatus activatedNow(Instant now, String revision) {
    return new BundleStatus(name, revision, now, now, now, List.of());
  }

  BundleStatus failed(Instant now, List<String> why) {
    return new BundleStatus(name, activeRevision, lastSuccessfulDownload, lastSuccessfulActivation, now, why);
  }

  public ObjectValue toValue() {
    ObjectValue.Builder b = ObjectValue.builder().put("name", StringValue.of(name));
    if (activeRevision != null) {
      b.put("active_revision", StringValue.of(activeRevision));
    }
    time(b, "last_successful_download", lastSuccessfulDownload);
    time(b, "last_successful_activation", lastSuccessfulActivation);
    time(b, "last_request", lastRequest);
    if (!ok()) {
      b.put("code", StringValue.of("bundle_error"))
          .put("message", StringValue.of("bundle " + name + " failed to load"))
          .put("errors", ArrayValue.of(errors.stream().map(StringValue::of).toList()));
    }
    return b.build();
  }

  private static void time(ObjectValue.Builder b, String key, Instant t) {
    if (t != null) {
      b.put(key, StringValue.of(t.toString()));
    }
  }
}
