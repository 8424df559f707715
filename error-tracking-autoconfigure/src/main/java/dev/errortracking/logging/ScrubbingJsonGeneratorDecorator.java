package dev.errortracking.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import net.logstash.logback.decorate.JsonGeneratorDecorator;

/**
 * Scrubs JSON log lines of logstash-logback-encoder as they are written: every value under a sensitive key, and
 * secrets inside every string (message, MDC, key/values, arguments, stack trace). Cheaper than a
 * {@code MaskingJsonGeneratorDecorator} with {@link ScrubbingValueMasker}, with the same result:
 * {@code <jsonGeneratorDecorator class="dev.errortracking.logging.ScrubbingJsonGeneratorDecorator"/>}.
 */
public class ScrubbingJsonGeneratorDecorator implements JsonGeneratorDecorator {

	@Override
	public JsonGenerator decorate(JsonGenerator generator) {
		return new ScrubbingJsonGenerator(generator);
	}

}
