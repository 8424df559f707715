package dev.errortracking.exception;

import java.util.Map;

/**
 * The caller is not authenticated or its credentials are invalid (401 {@code AUTHENTICATION_ERROR}).
 */
public class UnauthenticatedException extends ApplicationException {

	public static final String ERROR_CODE = "AUTHENTICATION_ERROR";

	public UnauthenticatedException(String message) {
		super(401, ERROR_CODE, message);
	}

	public UnauthenticatedException(String message, Map<String, ?> details) {
		super(401, ERROR_CODE, message, details);
	}

	public UnauthenticatedException(String message, Map<String, ?> details, Throwable cause) {
		super(401, ERROR_CODE, message, details, cause);
	}

	protected UnauthenticatedException(int status, String errorCode, String message, Map<String, ?> details, Throwable cause) {
		super(status, errorCode, message, details, cause);
	}

}
