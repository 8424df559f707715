package dev.errortracking.sentry;

import java.util.HashMap;
import java.util.Map;

import io.sentry.SentryAttributeType;
import io.sentry.SentryLogEventAttributeValue;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Scrubs the attributes of Sentry logs and metrics: the user the SDK describes in {@code user.id}, {@code user.name}
 * and {@code user.email} is reduced as the user on events is, every other attribute is scrubbed by key and value.
 */
final class SentryAttributesScrubber {

	private static final String USER_ID = "user.id";

	private static final String USER_NAME = "user.name";

	private static final String USER_EMAIL = "user.email";

	private final PrivacyScrubber scrubber;

	private final SentryUsers users;

	SentryAttributesScrubber(PrivacyScrubber scrubber) {
		this.scrubber = scrubber;
		this.users = new SentryUsers(scrubber);
	}

	PrivacyScrubber scrubber() {
		return this.scrubber;
	}

	Map<String, SentryLogEventAttributeValue> scrub(Map<String, SentryLogEventAttributeValue> attributes) {
		if (attributes == null) {
			return null;
		}
		Map<String, SentryLogEventAttributeValue> scrubbed = new HashMap<>();
		attributes.forEach((key, value) -> {
			if (!USER_ID.equals(key) && !USER_NAME.equals(key) && !USER_EMAIL.equals(key)) {
				scrubbed.put(key, scrubValue(key, value));
			}
		});
		String name = text(attributes.get(USER_NAME));
		String email = text(attributes.get(USER_EMAIL));
		putText(scrubbed, USER_ID, this.users.stableId(text(attributes.get(USER_ID)), name, email));
		if (this.users.sendsUsername()) {
			putText(scrubbed, USER_NAME, name);
		}
		if (this.users.sendsEmail()) {
			putText(scrubbed, USER_EMAIL, email);
		}
		return scrubbed;
	}

	private SentryLogEventAttributeValue scrubValue(String key, SentryLogEventAttributeValue attribute) {
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

	private static String text(SentryLogEventAttributeValue attribute) {
		Object value = (attribute != null) ? attribute.getValue() : null;
		return (value != null) ? value.toString() : null;
	}

	private static void putText(Map<String, SentryLogEventAttributeValue> attributes, String key, String value) {
		if (value != null) {
			attributes.put(key, new SentryLogEventAttributeValue(SentryAttributeType.STRING, value));
		}
	}

}
