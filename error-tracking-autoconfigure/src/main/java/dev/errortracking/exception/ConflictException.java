package dev.errortracking.exception;

import java.util.Map;

/**
 * The request conflicts with the current state of a resource (409 {@code CONFLICT_ERROR}).
 */
public class ConflictException extends ApplicationException {

	public static final String ERROR_CODE = "CONFLICT_ERROR";

	public ConflictException(String message) {
		super(409, ERROR_CODE, message);
	}

	public ConflictException(String message, Map<String, ?> details) {
		super(409, ERROR_CODE, message, details);
	}

	public ConflictException(String message, Map<String, ?> details, Throwable cause) {
		super(409, ERROR_CODE, message, details, cause);
	}

	protected ConflictException(int status, String errorCode, String message, Map<String, ?> details, Throwable cause) {
		super(status, errorCode, message, details, cause);
	}

}
