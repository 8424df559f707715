package dev.errortracking.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The formatted log message with secrets removed, for pattern layouts:
 * {@code <conversionRule conversionWord="scrubbedMessage" converterClass="dev.errortracking.logging.ScrubbingMessageConverter"/>}.
 */
public class ScrubbingMessageConverter extends ClassicConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return LogScrubber.get().scrubText(event.getFormattedMessage());
	}

}
