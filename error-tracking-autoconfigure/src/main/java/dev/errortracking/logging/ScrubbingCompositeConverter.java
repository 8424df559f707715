package dev.errortracking.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * Removes secrets from whatever its child pattern writes, such as {@code %scrub(%X)} or {@code %scrub(%kvp)}:
 * {@code <conversionRule conversionWord="scrub" converterClass="dev.errortracking.logging.ScrubbingCompositeConverter"/>}.
 */
public class ScrubbingCompositeConverter extends CompositeConverter<ILoggingEvent> {

	@Override
	protected String transform(ILoggingEvent event, String in) {
		return LogScrubber.get().scrubText(in);
	}

}
