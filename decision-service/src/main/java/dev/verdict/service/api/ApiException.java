package dev.verdict.service.api;

import dev.verdict.error.RegoError;
import java.util.List;

/** An answer in OPA's error shape: {@code {code, message, errors:[{code, message, location}]}}. */
public final class ApiException extends RuntimeException {

  public static final String INVALID_PARAMETER = "invalid_parameter";
  public static final String UNDEFINED_DOCUMENT = "undefined_document";
  public static final String NOT_FOUND = "resource_not_found";
  public static final String INTERNAL = "internal_error";

  private final int status;
  private final String code;
  private final List<RegoError> errors;

  public ApiException(int status, String code, String message, List<RegoError> errors) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public ApiException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, INVALID_PARAMETER, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<RegoError> errors() {
    return errors;
  }
}
