package dev.errortracking.sentry;

import java.util.List;
import java.util.UUID;

import io.sentry.Sentry;
import io.sentry.spring.boot.jakarta.SentryProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.errortracking.test.ReceivedEvent;
import dev.errortracking.test.SentryReceiver;
import dev.errortracking.test.WithSentryReceiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests with Sentry's own settings left alone, except that tracing is on: duplicate detection stays on,
 * so the library's report must still be the one that survives.
 */
@SpringBootTest(classes = SentryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "sentry.traces-sample-rate=1.0")
@WithSentryReceiver
@DirtiesContext
class SentryDefaultSettingsIntegrationTests {

	@Autowired
	private SentryReceiver receiver;

	@Autowired
	private SentryProperties sentryOptions;

	@LocalServerPort
	private int port;

	private TestHttp http;

	@BeforeEach
	void reset() {
		this.http = new TestHttp(this.port);
		this.receiver.reset();
	}

	@Test
	void exceptionLoggedByTheContainerIsReportedOnceByTheLibrary() {
		TestHttp.Response response = this.http.get("/outer-boom");

		List<ReceivedEvent> events = eventsSoFar();
		assertThat(events).hasSize(1);
		assertThat(events.get(0).eventId()).isEqualTo(response.eventId()).isNotNull();
		assertThat(events.get(0).mechanismTypes()).containsExactly(SentryErrorReporter.MECHANISM_TYPE);
	}

	@Test
	void controllerFailureIsReportedOnceByTheLibrary() {
		TestHttp.Response response = this.http.get("/api/v1/posts/1");

		List<ReceivedEvent> events = eventsSoFar();
		assertThat(events).hasSize(1);
		assertThat(events.get(0).eventId()).isEqualTo(response.eventId()).isNotNull();
	}

	@Test
	void transportDefaultsAreProductionSafe() {
		assertThat(this.sentryOptions.getConnectionTimeoutMillis()).isEqualTo(3000);
		assertThat(this.sentryOptions.getReadTimeoutMillis()).isEqualTo(5000);
		assertThat(this.sentryOptions.getMaxQueueSize()).isEqualTo(1000);
		assertThat(this.sentryOptions.getShutdownTimeoutMillis()).isEqualTo(2000);
		assertThat(this.sentryOptions.getFlushTimeoutMillis()).isEqualTo(2000);
	}

	@Test
	void healthChecksAreNeverTraced() {
		assertThat(this.http.get("/actuator/health").status()).isEqualTo(200);
		assertThat(this.http.get("/livez").status()).isEqualTo(200);
		assertThat(this.http.get("/api/v1/ok").status()).isEqualTo(200);

		this.receiver.awaitTransaction((transaction) -> "GET /api/v1/ok".equals(transaction.transaction()));

		assertThat(this.receiver.transactions()).extracting(ReceivedEvent::transaction)
			.contains("GET /api/v1/ok")
			.noneMatch((name) -> name.contains("health") || name.contains("livez"));
	}

	private List<ReceivedEvent> eventsSoFar() {
		String sentinel = "sentinel " + UUID.randomUUID();
		Sentry.captureMessage(sentinel);
		this.receiver.awaitEvent((event) -> sentinel.equals(event.message()));
		return this.receiver.events().stream().filter((event) -> !sentinel.equals(event.message())).toList();
	}

}
