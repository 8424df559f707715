package dev.errortracking.sentry;

import java.util.List;
import java.util.function.BooleanSupplier;

import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;

import dev.errortracking.web.ErrorLogger;

import org.springframework.lang.Nullable;

/**
 * Drops the copies of a failure that logging integrations capture, because the library reports the failure itself:
 * events from the library's failure log line, and events from the servlet container's log line about an exception
 * that escaped the filter chain (the library reports those from the error page).
 * <p>
 * It must run before Sentry's duplicate detection, which would otherwise remember the exception of a dropped copy
 * and then discard the library's own report: {@link #installFirst(SentryOptions)} puts it there.
 */
public final class DuplicateEventFilter implements EventProcessor {

	private static final List<String> CONTAINER_LOGGER_PREFIXES = List.of("org.apache.catalina.core.ContainerBase.",
			"io.undertow.request");

	private final BooleanSupplier errorPageReported;

	/**
	 * Create a filter.
	 * @param errorPageReported whether failures that reach the error page are reported by the library
	 */
	public DuplicateEventFilter(BooleanSupplier errorPageReported) {
		this.errorPageReported = errorPageReported;
	}

	/** Add this filter to {@code options} ahead of every other event processor. */
	public void installFirst(SentryOptions options) {
		options.getEventProcessors().add(0, this);
	}

	@Override
	@Nullable
	public SentryEvent process(SentryEvent event, Hint hint) {
		String logger = event.getLogger();
		if (logger == null) {
			return event;
		}
		if (ErrorLogger.LOGGER_NAME.equals(logger)) {
			return null;
		}
		if (event.getThrowable() != null && isContainerLogger(logger) && this.errorPageReported.getAsBoolean()) {
			return null;
		}
		return event;
	}

	private static boolean isContainerLogger(String logger) {
		for (String prefix : CONTAINER_LOGGER_PREFIXES) {
			if (logger.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
