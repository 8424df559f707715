package dev.errortracking.logging;

import java.util.Set;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Masks JSON log lines written by logstash-logback-encoder: every value under a sensitive key, and secrets inside
 * every string (message, MDC, key/values, arguments, stack trace). Register it on a
 * {@code MaskingJsonGeneratorDecorator} as {@code <valueMasker class="dev.errortracking.logging.ScrubbingValueMasker"/>}.
 */
public class ScrubbingValueMasker implements ValueMasker {

	private static final int MAX_PARENTS = 16;

	private static final int MIN_CARD_DIGITS = 13;

	private static final Set<String> ENCODER_METADATA = Set.of("@timestamp", "@version", "level", "level_value");

	@Override
	public Object mask(JsonStreamContext context, Object value) {
		if (isEncoderMetadata(context)) {
			return null;
		}
		PrivacyScrubber scrubber = LogScrubber.get();
		if (isUnderSensitiveKey(context, scrubber)) {
			return scrubber.replacement();
		}
		if (value instanceof String text) {
			String scrubbed = scrubber.scrubText(text);
			return (scrubbed == text || scrubbed.equals(text)) ? null : scrubbed;
		}
		if (value instanceof Number number && number.toString().length() >= MIN_CARD_DIGITS) {
			Object scrubbed = scrubber.scrub(number);
			return (scrubbed instanceof String) ? scrubbed : null;
		}
		return null;
	}

	/** Whether the value is one that the encoder itself writes, such as the timestamp or the level. */
	private static boolean isEncoderMetadata(JsonStreamContext context) {
		JsonStreamContext parent = context.getParent();
		if (parent == null || !parent.inRoot()) {
			return false;
		}
		String name = context.getCurrentName();
		return name != null && ENCODER_METADATA.contains(name);
	}

	private static boolean isUnderSensitiveKey(JsonStreamContext context, PrivacyScrubber scrubber) {
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
