package dev.errortracking.logging;

import java.time.Duration;

import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * How logged stack traces are shortened, from {@code error-tracking.logging.stack-trace.*}; when
 * {@code enabled} is false they are logged in full.
 *
 * @param maxDepth the frames kept per throwable
 * @param maxLength the characters kept per stack trace
 * @param foldFrameworkFrames whether framework frames are folded
 * @param repeatWindow how long a stack trace logged in full is then logged in short form; zero for never
 */
record StackTraceSettings(int maxDepth, int maxLength, boolean foldFrameworkFrames, Duration repeatWindow) {

	static final String PREFIX = "error-tracking.logging.stack-trace";

	static final StackTraceSettings DEFAULTS = new StackTraceSettings(40, 12_000, true, Duration.ofSeconds(10));

	static final StackTraceSettings FULL = new StackTraceSettings(ShortenedThrowableConverter.FULL_MAX_DEPTH_PER_THROWABLE,
			ShortenedThrowableConverter.FULL_MAX_LENGTH, false, Duration.ZERO);

	static boolean isEnabled(Binder binder) {
		return binder.bind(PREFIX + ".enabled", Boolean.class).orElse(true);
	}

	static StackTraceSettings bind(Binder binder) {
		if (!isEnabled(binder)) {
			return FULL;
		}
		return new StackTraceSettings(binder.bind(PREFIX + ".max-depth", Integer.class).orElse(DEFAULTS.maxDepth()),
				binder.bind(PREFIX + ".max-length", Integer.class).orElse(DEFAULTS.maxLength()),
				binder.bind(PREFIX + ".fold-framework-frames", Boolean.class).orElse(DEFAULTS.foldFrameworkFrames()),
				binder.bind(PREFIX + ".repeat-window", Duration.class).orElse(DEFAULTS.repeatWindow()));
	}

}
