package dev.errortracking.sentry;

import java.util.HashMap;
import java.util.Map;

import io.sentry.SentryAttributeType;
import io.sentry.SentryLogEvent;
import io.sentry.SentryLogEventAttributeValue;
import io.sentry.SentryOptions;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Scrubs every log record sent with Sentry's logs feature: its body and its attributes.
 */
public class ScrubbingBeforeSendLogCallback implements SentryOptions.Logs.BeforeSendLogCallback {

	private final PrivacyScrubber scrubber;

	public ScrubbingBeforeSendLogCallback(PrivacyScrubber scrubber) {
		this.scrubber = scrubber;
	}

	@Override
	public SentryLogEvent execute(SentryLogEvent event) {
		try {
			event.setBody(this.scrubber.scrubText(event.getBody()));
			Map<String, SentryLogEventAttributeValue> attributes = event.getAttributes();
			if (attributes != null) {
				Map<String, SentryLogEventAttributeValue> scrubbed = new HashMap<>();
				attributes.forEach((key, value) -> scrubbed.put(key, scrub(key, value)));
				event.setAttributes(scrubbed);
			}
			return event;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return null;
		}
	}

	private SentryLogEventAttributeValue scrub(String key, SentryLogEventAttributeValue attribute) {
		Object value = (attribute != null) ? attribute.getValue() : null;
		if (value == null) {
			return attribute;
		}
		Object scrubbed = this.scrubber.scrubEntry(key, value);
		if (scrubbed == value || scrubbed.equals(value)) {
			return attribute;
		}
		return new SentryLogEventAttributeValue(SentryAttributeType.STRING, String.valueOf(scrubbed));
	}

}
