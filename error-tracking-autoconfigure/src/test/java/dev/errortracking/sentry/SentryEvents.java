package dev.errortracking.sentry;

import java.io.StringWriter;

import io.sentry.JsonSerializer;
import io.sentry.SentryExceptionFactory;
import io.sentry.SentryOptions;
import io.sentry.SentryStackTraceFactory;

/**
 * Builds and serializes real Sentry objects the way the SDK does before sending them.
 */
final class SentryEvents {

	private static final SentryOptions OPTIONS = new SentryOptions();

	private static final JsonSerializer SERIALIZER = new JsonSerializer(OPTIONS);

	private SentryEvents() {
	}

	static SentryExceptionFactory exceptionFactory() {
		return new SentryExceptionFactory(new SentryStackTraceFactory(OPTIONS));
	}

	static String json(Object value) {
		StringWriter writer = new StringWriter();
		try {
			SERIALIZER.serialize(value, writer);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return writer.toString();
	}

}
