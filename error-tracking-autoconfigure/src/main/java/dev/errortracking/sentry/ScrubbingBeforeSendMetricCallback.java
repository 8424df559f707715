package dev.errortracking.sentry;

import io.sentry.Hint;
import io.sentry.SentryMetricsEvent;
import io.sentry.SentryOptions;

import dev.errortracking.privacy.PrivacyScrubber;

/**
 * Scrubs every metric sent with Sentry's metrics feature: its name and its attributes, the user reduced as on
 * events.
 */
public class ScrubbingBeforeSendMetricCallback implements SentryOptions.Metrics.BeforeSendMetricCallback {

	private final SentryAttributesScrubber attributes;

	public ScrubbingBeforeSendMetricCallback(PrivacyScrubber scrubber) {
		this.attributes = new SentryAttributesScrubber(scrubber);
	}

	@Override
	public SentryMetricsEvent execute(SentryMetricsEvent metric, Hint hint) {
		try {
			metric.setName(this.attributes.scrubber().scrubText(metric.getName()));
			metric.setAttributes(this.attributes.scrub(metric.getAttributes()));
			return metric;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return null;
		}
	}

}
