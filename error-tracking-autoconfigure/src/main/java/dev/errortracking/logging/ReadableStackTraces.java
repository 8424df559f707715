package dev.errortracking.logging;

import ch.qos.logback.classic.PatternLayout;

/**
 * Registers {@link CompactThrowableConverter} as a logback conversion word before logging starts, since Spring
 * Boot's default logback configuration offers no other place for a conversion rule. Readable lines are not masked
 * as a whole the way JSON lines are, so this converter scrubs the stack traces it writes.
 */
final class ReadableStackTraces {

	private ReadableStackTraces() {
	}

	static void register(StackTraceSettings settings) {
		PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(CompactThrowableConverter.CONVERSION_WORD, () -> {
			CompactThrowableConverter converter = new CompactThrowableConverter(settings);
			converter.setLeadingLineSeparator(true);
			converter.setScrubbed(true);
			converter.setHandsOverScrubbedOutput(false);
			return converter;
		});
	}

}
