package dev.errortracking.sentry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.errortracking.test.SentryReceiver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Sentry that is down, swallows requests or rate-limits must neither slow requests down nor hold up shutdown
 * beyond the configured waits, and pending events must still be sent on a graceful shutdown.
 */
class SentryOutageTests {

	private static final int REQUESTS = 30;

	/** What the shutdown may take: the SDK's flush and shutdown waits, plus the rest of a context's close. */
	private static final Duration SHUTDOWN_BOUND = Duration
		.ofMillis(SentryOptionsDefaults.SHUTDOWN_TIMEOUT_MILLIS + SentryOptionsDefaults.FLUSH_TIMEOUT_MILLIS)
		.plusSeconds(2);

	@ParameterizedTest
	@EnumSource
	void outageAffectsNeitherRequestsNorShutdown(Outage outage) {
		try (SentryReceiver receiver = SentryReceiver.start()) {
			ConfigurableApplicationContext context = start(receiver);
			TestHttp http = new TestHttp(port(context));
			failingRequests(http, REQUESTS);
			long healthy = median(failingRequests(http, REQUESTS));
			receiver.awaitEvents(2 * REQUESTS);

			outage.start.accept(receiver);
			long during = median(failingRequests(http, REQUESTS));

			assertThat(Duration.ofNanos(during))
				.as("median request time during %s, against %s when healthy", outage, Duration.ofNanos(healthy))
				.isLessThanOrEqualTo(Duration.ofNanos(healthy * 3).plusMillis(20));
			long closing = System.nanoTime();
			context.close();
			assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("shutdown during %s", outage)
				.isLessThan(SHUTDOWN_BOUND);
		}
	}

	@Test
	void pendingEventsAreSentOnGracefulShutdown() {
		try (SentryReceiver receiver = SentryReceiver.start()) {
			receiver.answerSlowly(Duration.ofMillis(100));
			ConfigurableApplicationContext context = start(receiver);
			failingRequests(new TestHttp(port(context)), 5);

			context.close();

			assertThat(receiver.events()).hasSize(5);
		}
	}

	private static ConfigurableApplicationContext start(SentryReceiver receiver) {
		return new SpringApplicationBuilder(SentryTestApplication.class).properties("server.port=0",
				"spring.main.banner-mode=off", "server.shutdown=graceful", "sentry.dsn=" + receiver.dsn(),
				// every failure is to become an event; the repeat limit is tested on its own
				"error-tracking.sentry.repeat-limit.enabled=false")
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static List<Long> failingRequests(TestHttp http, int count) {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			TestHttp.Response response = http.get("/api/v1/posts/" + i);
			times.add(System.nanoTime() - start);
			assertThat(response.status()).isEqualTo(500);
		}
		return times;
	}

	private static long median(List<Long> times) {
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	enum Outage {

		DOWN(SentryReceiver::refuseConnections),

		BLACK_HOLE(SentryReceiver::blackHole),

		RATE_LIMITED((receiver) -> receiver.rateLimit(Duration.ofMinutes(1)));

		private final Consumer<SentryReceiver> start;

		Outage(Consumer<SentryReceiver> start) {
			this.start = start;
		}

	}

}
