package dev.errortracking.logging;

import java.util.concurrent.atomic.AtomicReference;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * The scrubber that logback's maskers and converters use: the default rules until the application context installs
 * the configured ones, and the default rules again once that context closes.
 */
public final class LogScrubber {

	private static final AtomicReference<PrivacyScrubber> current = new AtomicReference<>(PrivacyScrubber.defaults());

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
		current.compareAndSet(scrubber, PrivacyScrubber.defaults());
	}

}
