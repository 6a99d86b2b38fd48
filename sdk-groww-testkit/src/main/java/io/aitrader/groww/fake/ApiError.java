package io.aitrader.groww.fake;

/**
 * A request the fake answers with a FAILURE envelope: HTTP status, Groww error code ({@code GA001} …) and message.
 * Thrown by endpoint code and turned into the response by {@link HttpFront}; never leaves the fake.
 */
class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Internal error. */
  static final String INTERNAL = "GA000";
  /** Bad request: validation, unknown symbol. */
  static final String BAD_REQUEST = "GA001";
  /** Cannot serve now (feed not running, rate limited). */
  static final String UNAVAILABLE = "GA003";
  /** Entity not found. */
  static final String NOT_FOUND = "GA004";
  /** Not authorised (bad or expired token). */
  static final String UNAUTHORISED = "GA005";
  /** Request cannot be processed (e.g. the order is already terminal). */
  static final String CANNOT_PROCESS = "GA006";
  /** Order reference id already used. */
  static final String DUPLICATE_REFERENCE = "GA007";

  private final int httpStatus;
  private final String code;

  ApiError(int httpStatus, String code, String message) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, BAD_REQUEST, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, NOT_FOUND, message);
  }

  static ApiError cannotProcess(String message) {
    return new ApiError(400, CANNOT_PROCESS, message);
  }

  int httpStatus() {
    return httpStatus;
  }

  String code() {
    return code;
  }
}
