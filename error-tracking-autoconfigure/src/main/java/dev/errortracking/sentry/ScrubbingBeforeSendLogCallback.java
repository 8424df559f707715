package dev.errortracking.sentry;

import io.sentry.SentryLogEvent;
import io.sentry.SentryOptions;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Scrubs every log record sent with Sentry's logs feature: its body and its attributes, the user reduced as on
 * events.
 */
public class ScrubbingBeforeSendLogCallback implements SentryOptions.Logs.BeforeSendLogCallback {

	private final SentryAttributesScrubber attributes;

	public ScrubbingBeforeSendLogCallback(PrivacyScrubber scrubber) {
		this.attributes = new SentryAttributesScrubber(scrubber);
	}

	@Override
	public SentryLogEvent execute(SentryLogEvent event) {
		try {
			event.setBody(this.attributes.scrubber().scrubText(event.getBody()));
			event.setAttributes(this.attributes.scrub(event.getAttributes()));
			return event;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return null;
		}
	}

}
