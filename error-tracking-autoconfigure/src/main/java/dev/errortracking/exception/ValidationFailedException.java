package dev.errortracking.exception;

import java.util.Map;

/**
 * Input that is well-formed but breaks a business rule (422 {@code VALIDATION_ERROR}).
 */
public class ValidationFailedException extends ApplicationException {

	public static final String ERROR_CODE = "VALIDATION_ERROR";

	public ValidationFailedException(String message) {
		super(422, ERROR_CODE, message);
	}

	public ValidationFailedException(String message, Map<String, ?> details) {
		super(422, ERROR_CODE, message, details);
	}

	public ValidationFailedException(String message, Map<String, ?> details, Throwable cause) {
		super(422, ERROR_CODE, message, details, cause);
	}

	protected ValidationFailedException(int status, String errorCode, String message, Map<String, ?> details, Throwable cause) {
		super(status, errorCode, message, details, cause);
	}

}
