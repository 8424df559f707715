package dev.errortracking.exception;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A downstream service failed or timed out (503 {@code EXTERNAL_SERVICE_ERROR}, {@code details.service}).
 */
public class ExternalServiceException extends ApplicationException {

	public static final String ERROR_CODE = "EXTERNAL_SERVICE_ERROR";

	private final String service;

	public ExternalServiceException(String service, String message) {
		this(service, message, null);
	}

	public ExternalServiceException(String service, String message, Throwable cause) {
		this(503, ERROR_CODE, service, message, Map.of(), cause);
	}

	protected ExternalServiceException(int status, String errorCode, String service, String message,
			Map<String, ?> details, Throwable cause) {
		super(status, errorCode, message, withService(service, details), cause);
		this.service = service;
	}

	/** The name of the service that failed, as given by the application. */
	public String getService() {
		return this.service;
	}

	private static Map<String, Object> withService(String service, Map<String, ?> details) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("service", service);
		if (details != null) {
			all.putAll(details);
		}
		return all;
	}

}
