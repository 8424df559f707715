package dev.errortracking.logging;

import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonStreamContext;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Where a value of a JSON log line sits: in a field the encoder writes itself, or under a sensitive key.
 */
final class JsonLogFields {

	private static final int MAX_PARENTS = 16;

	private static final Set<String> ENCODER_FIELDS = Set.of("@timestamp", "@version", "level", "level_value");

	private static final String ENCODER_FIELD_INITIALS = ENCODER_FIELDS.stream()
		.map((name) -> name.substring(0, 1))
		.distinct()
		.collect(Collectors.joining());

	private JsonLogFields() {
	}

	/** Whether the value is one that the encoder itself writes and that holds no data, such as the level. */
	static boolean isEncoderField(JsonStreamContext context) {
		String name = context.getCurrentName();
		if (name == null || name.isEmpty() || ENCODER_FIELD_INITIALS.indexOf(name.charAt(0)) < 0) {
			return false;
		}
		JsonStreamContext parent = context.getParent();
		return parent != null && parent.inRoot() && ENCODER_FIELDS.contains(name);
	}

	/** Whether the value sits under a sensitive key, at any depth. */
	static boolean isUnderSensitiveKey(JsonStreamContext context, PrivacyScrubber scrubber) {
		JsonStreamContext current = context;
		for (int i = 0; i < MAX_PARENTS && current != null; i++) {
			String name = current.getCurrentName();
			if (name != null && scrubber.isSensitiveKey(name)) {
				return true;
			}
			current = current.getParent();
		}
		return false;
	}

}
