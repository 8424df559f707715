package dev.errortracking.logging;

import java.util.List;

import org.springframework.boot.logging.LoggingSystem;

/**
 * Lets a test start an application whose logging is configured afresh: Boot keeps logging initialized, and
 * copies logging properties into system properties only once per JVM.
 */
public final class LoggingSystemReset {

	private static final List<String> SYSTEM_PROPERTIES = List.of("CONSOLE_LOG_STRUCTURED_FORMAT",
			"FILE_LOG_STRUCTURED_FORMAT", "LOG_CORRELATION_PATTERN", "LOG_EXCEPTION_CONVERSION_WORD");

	private LoggingSystemReset() {
	}

	/** Forget the logging configuration of any application started before. */
	public static void reset() {
		SYSTEM_PROPERTIES.forEach(System::clearProperty);
		LoggingSystem.get(LoggingSystemReset.class.getClassLoader()).cleanUp();
	}

}
