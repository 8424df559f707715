package dev.errortracking.autoconfigure;

/**
 * Matches when {@code sentry.traces-sample-rate} has text: an empty rate leaves tracing off.
 */
class OnTracesSampleRateCondition extends OnPropertyWithTextCondition {

	OnTracesSampleRateCondition() {
		super("sentry.traces-sample-rate", "Sentry traces sample rate");
	}

}
