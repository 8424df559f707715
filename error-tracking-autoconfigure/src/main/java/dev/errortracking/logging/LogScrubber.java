package dev.errortracking.logging;

import java.util.concurrent.atomic.AtomicReference;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * The scrubber that logback's maskers and converters use: the default rules until the application context installs
 * the configured ones, and the default rules again once that context closes.
 */
public final class LogScrubber {

	/**
	 * Default maximum length of one text in a log line. Log lines are written whole, so it is larger than the limit of
	 * what goes into a Sentry event: Spring Boot's condition evaluation report alone is often longer than that.
	 */
	public static final int DEFAULT_MAX_STRING_LENGTH = 1_048_576;

	private static final PrivacyScrubber DEFAULTS = forLogs(PrivacyScrubber.defaults(), DEFAULT_MAX_STRING_LENGTH);

	private static final AtomicReference<PrivacyScrubber> current = new AtomicReference<>(DEFAULTS);

	private LogScrubber() {
	}

	/** The scrubber in use. */
	public static PrivacyScrubber get() {
		return current.get();
	}

	/** Use {@code scrubber} from now on. */
	public static void install(PrivacyScrubber scrubber) {
		current.set(scrubber);
	}

	/** Go back to the default rules if {@code scrubber} is still the one in use. */
	public static void uninstall(PrivacyScrubber scrubber) {
		current.compareAndSet(scrubber, DEFAULTS);
	}

	/** The scrubber with the default rules and the default length limit of log lines. */
	public static PrivacyScrubber defaults() {
		return DEFAULTS;
	}

	/** A scrubber with the rules of {@code scrubber}, except that texts are cut at {@code maxStringLength}. */
	public static PrivacyScrubber forLogs(PrivacyScrubber scrubber, int maxStringLength) {
		if (scrubber.rules().maxStringLength() == maxStringLength) {
			return scrubber;
		}
		return new PrivacyScrubber(scrubber.rules().toBuilder().maxStringLength(maxStringLength).build());
	}

}
