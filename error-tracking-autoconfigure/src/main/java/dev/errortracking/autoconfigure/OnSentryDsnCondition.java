package dev.errortracking.autoconfigure;

/**
 * Matches when {@code sentry.dsn} has text: an empty DSN leaves Sentry off.
 */
class OnSentryDsnCondition extends OnPropertyWithTextCondition {

	OnSentryDsnCondition() {
		super("sentry.dsn", "Sentry DSN");
	}

}
