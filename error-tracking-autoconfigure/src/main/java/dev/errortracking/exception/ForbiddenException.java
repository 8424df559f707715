package dev.errortracking.exception;

import java.util.Map;

/**
 * The caller is authenticated but may not do this (403 {@code AUTHORIZATION_ERROR}).
 */
public class ForbiddenException extends ApplicationException {

	public static final String ERROR_CODE = "AUTHORIZATION_ERROR";

	public ForbiddenException(String message) {
		super(403, ERROR_CODE, message);
	}

	public ForbiddenException(String message, Map<String, ?> details) {
		super(403, ERROR_CODE, message, details);
	}

	public ForbiddenException(String message, Map<String, ?> details, Throwable cause) {
		super(403, ERROR_CODE, message, details, cause);
	}

	protected ForbiddenException(int status, String errorCode, String message, Map<String, ?> details, Throwable cause) {
		super(status, errorCode, message, details, cause);
	}

}
