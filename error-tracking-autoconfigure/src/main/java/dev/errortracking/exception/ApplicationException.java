package dev.errortracking.exception;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Base of the domain exceptions: an HTTP status, a stable error code, a client-safe message and details.
 */
public class ApplicationException extends RuntimeException {

	private final int status;

	private final String errorCode;

	private final Map<String, Object> details;

	public ApplicationException(int status, String errorCode, String message) {
		this(status, errorCode, message, Map.of(), null);
	}

	public ApplicationException(int status, String errorCode, String message, Map<String, ?> details) {
		this(status, errorCode, message, details, null);
	}

	public ApplicationException(int status, String errorCode, String message, Map<String, ?> details,
			Throwable cause) {
		super(message, cause);
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be a 4xx or 5xx code but was " + status);
		}
		this.status = status;
		this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
		this.details = (details != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(details)) : Map.of();
	}

	/** The HTTP status the client receives. */
	public int getStatus() {
		return this.status;
	}

	/** The stable, machine-readable error code, such as {@code NOT_FOUND}. */
	public String getErrorCode() {
		return this.errorCode;
	}

	/** Client-safe details, rendered as the {@code details} member of the error body. */
	public Map<String, Object> getDetails() {
		return this.details;
	}

}
