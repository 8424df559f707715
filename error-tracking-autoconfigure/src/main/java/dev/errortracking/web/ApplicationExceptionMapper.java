package dev.errortracking.web;

import dev.errortracking.exception.ApplicationException;
import dev.errortracking.exception.ExternalServiceException;

/**
 * Maps the domain exceptions to their own status, code, message and details.
 */
public final class ApplicationExceptionMapper implements BuiltInErrorMapper {

	static final String EXTERNAL_SERVICE_MESSAGE = "A required external service is unavailable";

	@Override
	public ResolvedError map(Throwable exception) {
		if (!(exception instanceof ApplicationException ex)) {
			return null;
		}
		String message = ex.getMessage();
		if (ex.getStatus() >= 500) {
			message = (ex instanceof ExternalServiceException) ? EXTERNAL_SERVICE_MESSAGE
					: ErrorCodes.defaultMessage(ex.getStatus());
		}
		else if (message == null || message.isBlank()) {
			message = ErrorCodes.defaultMessage(ex.getStatus());
		}
		return ResolvedError.of(ex.getStatus(), ex.getErrorCode(), message, ex.getDetails(), ex);
	}

	@Override
	public int builtInOrder() {
		return 10;
	}

}
