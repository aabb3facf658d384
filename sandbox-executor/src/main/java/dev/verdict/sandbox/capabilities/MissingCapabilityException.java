package dev.verdict.sandbox.capabilities;

/** The module imports a host function whose capability the run was not granted. */
public final class MissingCapabilityException extends RuntimeException {

  private final String capability;

  public MissingCapabilityException(String module, String function, String capability) {
    super("module imports " + module + "." + function + ", which needs capability " + capability
        + ", not granted", null, false, false);
    this.capability = capability;
  }

  public String capability() {
    return capability;
  }
}
