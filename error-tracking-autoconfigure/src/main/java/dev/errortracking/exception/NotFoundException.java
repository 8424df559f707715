package dev.errortracking.exception;

import java.util.Map;

/**
 * A requested resource does not exist (404 {@code NOT_FOUND}).
 */
public class NotFoundException extends ApplicationException {

	public static final String ERROR_CODE = "NOT_FOUND";

	public NotFoundException(String message) {
		super(404, ERROR_CODE, message);
	}

	public NotFoundException(String message, Map<String, ?> details) {
		super(404, ERROR_CODE, message, details);
	}

	public NotFoundException(String message, Map<String, ?> details, Throwable cause) {
		super(404, ERROR_CODE, message, details, cause);
	}

	protected NotFoundException(int status, String errorCode, String message, Map<String, ?> details, Throwable cause) {
		super(status, errorCode, message, details, cause);
	}

}
