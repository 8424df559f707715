package dev.errortracking.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The error codes and default client messages used for statuses that no exception describes better.
 */
public final class ErrorCodes {

	public static final String BAD_REQUEST = "BAD_REQUEST";

	public static final String AUTHENTICATION_ERROR = "AUTHENTICATION_ERROR";

	public static final String AUTHORIZATION_ERROR = "AUTHORIZATION_ERROR";

	public static final String NOT_FOUND = "NOT_FOUND";

	public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";

	public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";

	public static final String CONFLICT_ERROR = "CONFLICT_ERROR";

	public static final String INTEGRITY_ERROR = "INTEGRITY_ERROR";

	public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

	public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";

	public static final String VALIDATION_ERROR = "VALIDATION_ERROR";

	public static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";

	public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

	public static final String EXTERNAL_SERVICE_ERROR = "EXTERNAL_SERVICE_ERROR";

	private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(400, BAD_REQUEST),
			Map.entry(401, AUTHENTICATION_ERROR), Map.entry(403, AUTHORIZATION_ERROR), Map.entry(404, NOT_FOUND),
			Map.entry(405, METHOD_NOT_ALLOWED), Map.entry(406, NOT_ACCEPTABLE), Map.entry(409, CONFLICT_ERROR),
			Map.entry(413, PAYLOAD_TOO_LARGE), Map.entry(415, UNSUPPORTED_MEDIA_TYPE),
			Map.entry(422, VALIDATION_ERROR), Map.entry(429, TOO_MANY_REQUESTS), Map.entry(500, INTERNAL_ERROR),
			Map.entry(503, SERVICE_UNAVAILABLE));

	private static final Map<Integer, String> MESSAGES = Map.ofEntries(Map.entry(400, "The request is invalid"),
			Map.entry(401, "Authentication is required"), Map.entry(403, "Access is denied"),
			Map.entry(404, "Resource not found"), Map.entry(405, "Method not allowed"),
			Map.entry(406, "No acceptable representation"), Map.entry(409, "The request conflicts with the current state"),
			Map.entry(413, "The request is too large"), Map.entry(415, "Unsupported media type"),
			Map.entry(422, "Validation failed"), Map.entry(429, "Too many requests"),
			Map.entry(500, "An unexpected error occurred"), Map.entry(502, "An upstream service failed"),
			Map.entry(503, "The service is temporarily unavailable"), Map.entry(504, "An upstream service timed out"));

	private ErrorCodes() {
	}

	/** The code for {@code status}: a named code for common statuses, else the status name, such as {@code GONE}. */
	public static String forStatus(int status) {
		String code = CODES.get(status);
		if (code != null) {
			return code;
		}
		HttpStatus known = HttpStatus.resolve(status);
		if (known != null) {
			return known.name();
		}
		return (status >= 500) ? INTERNAL_ERROR : BAD_REQUEST;
	}

	/** The generic client message for {@code status}. */
	public static String defaultMessage(int status) {
		String message = MESSAGES.get(status);
		if (message != null) {
			return message;
		}
		HttpStatus known = HttpStatus.resolve(status);
		if (known != null) {
			return known.getReasonPhrase();
		}
		return (status >= 500) ? MESSAGES.get(500) : MESSAGES.get(400);
	}

}
