package dev.errortracking.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Masks JSON log lines written by logstash-logback-encoder: every value under a sensitive key, and secrets inside
 * every string (message, MDC, key/values, arguments, stack trace). Register it on a
 * {@code MaskingJsonGeneratorDecorator} as {@code <valueMasker class="dev.errortracking.logging.ScrubbingValueMasker"/>}.
 */
public class ScrubbingValueMasker implements ValueMasker {

	private static final int MIN_CARD_DIGITS = 13;

	@Override
	public Object mask(JsonStreamContext context, Object value) {
		if (JsonLogFields.isEncoderField(context)) {
			return null;
		}
		PrivacyScrubber scrubber = LogScrubber.get();
		if (JsonLogFields.isUnderSensitiveKey(context, scrubber)) {
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

}
