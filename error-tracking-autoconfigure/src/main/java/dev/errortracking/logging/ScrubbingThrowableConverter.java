package dev.errortracking.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * The stack trace with packaging data ({@code %xEx}) and secrets removed from every message of the cause chain:
 * {@code <conversionRule conversionWord="scrubbedException" converterClass="dev.errortracking.logging.ScrubbingThrowableConverter"/>}.
 */
public class ScrubbingThrowableConverter extends ExtendedThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy throwable) {
		return LogScrubber.get().scrubText(super.throwableProxyToString(throwable));
	}

}
