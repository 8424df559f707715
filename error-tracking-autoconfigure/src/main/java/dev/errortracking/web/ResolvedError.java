package dev.errortracking.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * What the client is told about a failure: status, error code, client-safe message, details and extra headers.
 *
 * @param status the HTTP status
 * @param code the stable error code
 * @param message the client-safe message
 * @param details client-safe details, never {@code null}
 * @param headers headers to add to the response, such as {@code Allow}, never {@code null}
 * @param exception the failure being described, {@code null} when only a status is known
 */
public record ResolvedError(int status, String code, String message, Map<String, Object> details,
		HttpHeaders headers, @Nullable Throwable exception) {

	public ResolvedError {
		details = (details != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(details)) : Map.of();
		headers = (headers != null) ? HttpHeaders.readOnlyHttpHeaders(headers) : HttpHeaders.EMPTY;
	}

	/** An error for {@code status} with its default code and message. */
	public static ResolvedError ofStatus(int status, @Nullable Throwable exception) {
		return new ResolvedError(status, ErrorCodes.forStatus(status), ErrorCodes.defaultMessage(status), Map.of(),
				null, exception);
	}

	/** An error with the given values and no extra headers. */
	public static ResolvedError of(int status, String code, String message, Map<String, ?> details,
			@Nullable Throwable exception) {
		return new ResolvedError(status, code, message, (details != null) ? new LinkedHashMap<>(details) : null, null,
				exception);
	}

	/** Whether this is a server error (5xx). */
	public boolean isServerError() {
		return this.status >= 500;
	}

	/** This error with another status and code; a server error also gets the generic message of its status. */
	public ResolvedError withStatusAndCode(int newStatus, String newCode) {
		String newMessage = (newStatus >= 500) ? ErrorCodes.defaultMessage(newStatus) : this.message;
		return new ResolvedError(newStatus, newCode, newMessage, this.details, this.headers, this.exception);
	}

	/** This error with other headers. */
	public ResolvedError withHeaders(HttpHeaders newHeaders) {
		return new ResolvedError(this.status, this.code, this.message, this.details, newHeaders, this.exception);
	}

	/** This error describing another exception. */
	public ResolvedError withException(@Nullable Throwable newException) {
		return new ResolvedError(this.status, this.code, this.message, this.details, this.headers, newException);
	}

}
