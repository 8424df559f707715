package dev.errortracking.sentry;

import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import org.junit.jupiter.api.Test;

import dev.errortracking.web.ErrorLogger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DuplicateEventFilter}.
 */
class DuplicateEventFilterTests {

	private static final String TOMCAT = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]";

	private final DuplicateEventFilter filter = new DuplicateEventFilter(() -> true);

	@Test
	void dropsEventsOfTheFailureLogLine() {
		assertThat(this.filter.process(event(ErrorLogger.LOGGER_NAME, new IllegalStateException()), new Hint()))
			.isNull();
		assertThat(this.filter.process(event(ErrorLogger.LOGGER_NAME, null), new Hint())).isNull();
	}

	@Test
	void dropsTheContainersLogOfAnEscapedExceptionWhenTheErrorPageReportsIt() {
		assertThat(this.filter.process(event(TOMCAT, new IllegalStateException()), new Hint())).isNull();
		assertThat(this.filter.process(event("io.undertow.request", new IllegalStateException()), new Hint()))
			.isNull();
		assertThat(new DuplicateEventFilter(() -> false).process(event(TOMCAT, new IllegalStateException()),
				new Hint()))
			.isNotNull();
		assertThat(this.filter.process(event(TOMCAT, null), new Hint())).isNotNull();
	}

	@Test
	void keepsEverythingElse() {
		SentryEvent own = event(null, new IllegalStateException());
		assertThat(this.filter.process(own, new Hint())).isSameAs(own);
		SentryEvent application = event("com.example.Billing", new IllegalStateException());
		assertThat(this.filter.process(application, new Hint())).isSameAs(application);
	}

	@Test
	void installsItselfAheadOfSentrysDuplicateDetection() {
		SentryOptions options = new SentryOptions();
		options.setDsn("http://public@127.0.0.1:9/1");
		int before = options.getEventProcessors().size();
		this.filter.installFirst(options);
		assertThat(options.getEventProcessors()).hasSize(before + 1).first().isSameAs(this.filter);
	}

	private static SentryEvent event(String logger, Throwable throwable) {
		SentryEvent event = (throwable != null) ? new SentryEvent(throwable) : new SentryEvent();
		event.setLogger(logger);
		return event;
	}

}
