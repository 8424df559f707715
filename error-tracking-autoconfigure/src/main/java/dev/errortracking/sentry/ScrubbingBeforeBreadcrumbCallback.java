package dev.errortracking.sentry;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryOptions;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Scrubs every breadcrumb when it is recorded: its message and its data; one that cannot be scrubbed is dropped.
 */
public class ScrubbingBeforeBreadcrumbCallback implements SentryOptions.BeforeBreadcrumbCallback {

	private final ScrubbingEventSupport support;

	public ScrubbingBeforeBreadcrumbCallback(PrivacyScrubber scrubber) {
		this.support = new ScrubbingEventSupport(scrubber);
	}

	@Override
	public Breadcrumb execute(Breadcrumb breadcrumb, Hint hint) {
		try {
			this.support.scrubBreadcrumb(breadcrumb);
			return breadcrumb;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return null;
		}
	}

}
