package dev.errortracking.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;

/**
 * Reports a failure to an error-tracking service, once per failure.
 */
@FunctionalInterface
public interface ErrorReporter {

	/** A reporter that reports nothing. */
	ErrorReporter NONE = (error, request) -> null;

	/**
	 * Report {@code error} if the reporting rule says so.
	 * @param error the classified failure
	 * @param request the failing request
	 * @return the id of the reported event, or {@code null} when nothing was reported
	 */
	@Nullable
	String report(ResolvedError error, HttpServletRequest request);

	/**
	 * Whether {@link #report} defers work until the response has been sent, with {@link AfterResponseTasks}; only
	 * then does the library's error handling filter collect such work for each request.
	 * @return {@code false} unless overridden
	 */
	default boolean reportsAfterResponse() {
		return false;
	}

}
