package dev.errortracking.logging;

import java.util.List;

import ch.qos.logback.classic.PatternLayout;

/**
 * Makes the message words of Spring Boot's readable console pattern ({@code %m}, {@code %msg}, {@code %message})
 * write the message with the privacy rules applied, since Boot's default logback configuration offers no other
 * place for a conversion rule. Only used when the library chooses the format, never with the application's own
 * logback configuration.
 */
final class ReadableMessages {

	private static final List<String> MESSAGE_WORDS = List.of("m", "msg", "message");

	private ReadableMessages() {
	}

	static void register() {
		MESSAGE_WORDS.forEach((word) -> PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word,
				ScrubbingMessageConverter::new));
	}

}
