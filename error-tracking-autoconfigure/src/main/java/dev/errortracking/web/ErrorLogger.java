package dev.errortracking.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import dev.errortracking.context.HttpRoute;

import org.springframework.lang.Nullable;

/**
 * Writes exactly one line per failure: WARN without a stack trace for 4xx, ERROR with it for 5xx. A 4xx line
 * quotes the client-safe message, not the exception's own, which may carry the values the client sent (the
 * exception's message is added when the logger is at DEBUG).
 */
public class ErrorLogger {

	/** The name of the logger that failure lines are written to. */
	public static final String LOGGER_NAME = "dev.errortracking.ErrorLog";

	private static final int MAX_SUMMARY_LENGTH = 500;

	private final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	/**
	 * Log {@code error}.
	 * @param error the classified failure
	 * @param request the failing request
	 * @param requestId the request id
	 * @param eventId the id of the reported event, if any
	 * @param committed whether the response was already committed, so no error body could be written
	 */
	public void log(ResolvedError error, HttpServletRequest request, String requestId, @Nullable String eventId,
			boolean committed) {
		boolean serverError = error.isServerError();
		Level level = serverError ? Level.ERROR : Level.WARN;
		if (!this.logger.isEnabledForLevel(level)) {
			return;
		}
		String route = HttpRoute.of(request);
		Throwable exception = error.exception();
		LoggingEventBuilder event = this.logger.atLevel(level)
			.addKeyValue("error_code", error.code())
			.addKeyValue("http_status", error.status());
		if (MDC.get("request_id") == null) {
			event = event.addKeyValue("request_id", requestId);
		}
		if (MDC.get("http_route") == null) {
			event = event.addKeyValue("http_route", route);
		}
		if (exception != null) {
			event = event.addKeyValue("exception_class", exception.getClass().getName());
		}
		if (eventId != null) {
			event = event.addKeyValue("sentry_event_id", eventId);
		}
		if (serverError && exception != null) {
			event = event.setCause(exception);
		}
		StringBuilder message = new StringBuilder(128).append(request.getMethod())
			.append(' ')
			.append(route)
			.append(" -> ")
			.append(error.status())
			.append(' ')
			.append(error.code());
		if (!serverError && exception != null) {
			message.append(": ").append(summary(exception, error));
		}
		if (committed) {
			message.append(" (response already committed)");
		}
		event.log(message.toString());
	}

	private String summary(Throwable exception, ResolvedError error) {
		String detail = this.logger.isDebugEnabled() ? exception.getMessage() : error.message();
		String text = exception.getClass().getSimpleName() + ": " + detail;
		if (text.length() > MAX_SUMMARY_LENGTH) {
			text = text.substring(0, MAX_SUMMARY_LENGTH) + "...";
		}
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			clean.append(Character.isISOControl(c) ? ' ' : c);
		}
		return clean.toString();
	}

}
