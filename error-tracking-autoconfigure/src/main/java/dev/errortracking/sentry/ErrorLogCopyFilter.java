package dev.errortracking.sentry;

import java.util.Iterator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.sentry.logback.SentryAppender;

import dev.errortracking.web.ErrorLogger;

/**
 * Keeps Sentry's logback appender from turning the library's own failure log line into an event. The library
 * reports the failure itself, so the copy would be built on the failing request's thread only to be dropped by
 * {@link DuplicateEventFilter}.
 */
public final class ErrorLogCopyFilter extends Filter<ILoggingEvent> {

	private final Level minimumEventLevel;

	ErrorLogCopyFilter(Level minimumEventLevel) {
		this.minimumEventLevel = (minimumEventLevel != null) ? minimumEventLevel : Level.ERROR;
		setName("error-tracking-error-log-copies");
	}

	@Override
	public FilterReply decide(ILoggingEvent event) {
		return (event.getLevel().isGreaterOrEqual(this.minimumEventLevel)
				&& ErrorLogger.LOGGER_NAME.equals(event.getLoggerName())) ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

	/**
	 * Add the filter to every Sentry appender of {@code context} that does not have it yet.
	 * @return how many appenders got it
	 */
	public static int addToSentryAppenders(LoggerContext context) {
		int added = 0;
		for (Logger logger : context.getLoggerList()) {
			for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext();) {
				if (appenders.next() instanceof SentryAppender sentry && !hasFilter(sentry)) {
					sentry.addFilter(new ErrorLogCopyFilter(sentry.getMinimumEventLevel()));
					added++;
				}
			}
		}
		return added;
	}

	private static boolean hasFilter(SentryAppender appender) {
		return appender.getCopyOfAttachedFiltersList().stream().anyMatch(ErrorLogCopyFilter.class::isInstance);
	}

}
