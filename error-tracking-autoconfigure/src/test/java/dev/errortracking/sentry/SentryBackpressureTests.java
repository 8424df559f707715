package dev.errortracking.sentry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sentry.DataCategory;
import io.sentry.IScopes;
import io.sentry.transport.RateLimiter;
import org.junit.jupiter.api.Test;

import dev.errortracking.test.SentryReceiver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the real SDK drops every new event (its send queue overflowed moments ago, or Sentry asked for a pause),
 * failures are answered and logged without an event being built; the drops are counted in the SDK's client
 * reports, and reporting resumes once the SDK can send again.
 */
class SentryBackpressureTests {

	private static final Duration RESUME_TIMEOUT = Duration.ofSeconds(15);

	@Test
	void failuresAreNotBuiltIntoEventsWhileTheSendQueueOverflowsAndAreCountedAsDropped() {
		try (SentryReceiver receiver = SentryReceiver.start();
				ConfigurableApplicationContext context = start(receiver, true)) {
			TestHttp http = new TestHttp(port(context));
			receiver.blackHole();
			assertThat(fail(http, 0).eventId()).as("the event the sender is stuck on").isNotNull();
			assertThat(fail(http, 1).eventId()).as("the event the full queue rejects").isNotNull();

			List<TestHttp.Response> duringBacklog = failures(http, 2, 6);

			assertThat(duringBacklog).allSatisfy((response) -> {
				assertThat(response.eventId()).isNull();
				assertThat(response.eventIdHeader()).isNull();
				assertThat(response.error()).isEqualTo("INTERNAL_ERROR");
			});
			receiver.acceptEnvelopes();
			int skipped = duringBacklog.size();
			String resumed = null;
			long deadline = System.nanoTime() + RESUME_TIMEOUT.toNanos();
			for (int i = 100; resumed == null && System.nanoTime() < deadline; i++) {
				resumed = fail(http, i).eventId();
				skipped += (resumed == null) ? 1 : 0;
				sleep(Duration.ofMillis(100));
			}
			assertThat(resumed).as("an event id once the queue has room again").isNotNull();
			String resumedId = resumed;
			receiver.awaitEvent((event) -> resumedId.equals(event.eventId()));
			assertThat(receiver.discarded()).containsEntry("backpressure/error", (long) skipped)
				.containsEntry("queue_overflow/error", 1L);
		}
	}

	@Test
	void failuresAreNotBuiltIntoEventsWhileSentryAsksForAPause() {
		try (SentryReceiver receiver = SentryReceiver.start();
				ConfigurableApplicationContext context = start(receiver, true)) {
			TestHttp http = new TestHttp(port(context));
			receiver.rateLimit(Duration.ofMinutes(1));
			assertThat(fail(http, 0).eventId()).as("the event that Sentry answers with 429").isNotNull();
			awaitErrorRateLimit(context.getBean(IScopes.class));

			assertThat(failures(http, 1, 5)).allSatisfy((response) -> {
				assertThat(response.status()).isEqualTo(500);
				assertThat(response.eventId()).isNull();
			});
		}
	}

	@Test
	void everyFailureIsBuiltIntoAnEventWhenSwitchedOff() {
		try (SentryReceiver receiver = SentryReceiver.start();
				ConfigurableApplicationContext context = start(receiver, false)) {
			TestHttp http = new TestHttp(port(context));
			receiver.blackHole();
			fail(http, 0);
			fail(http, 1);

			assertThat(failures(http, 2, 6)).allSatisfy((response) -> assertThat(response.eventId()).isNotNull());
		}
	}

	private static ConfigurableApplicationContext start(SentryReceiver receiver, boolean dropWhenBacklogged) {
		return new SpringApplicationBuilder(SentryTestApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "sentry.dsn=" + receiver.dsn(),
					"sentry.max-queue-size=1", "sentry.read-timeout-millis=30000",
					"error-tracking.sentry.drop-when-backlogged=" + dropWhenBacklogged)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static List<TestHttp.Response> failures(TestHttp http, int from, int to) {
		List<TestHttp.Response> responses = new ArrayList<>();
		for (int i = from; i <= to; i++) {
			responses.add(fail(http, i));
		}
		return responses;
	}

	private static TestHttp.Response fail(TestHttp http, int post) {
		TestHttp.Response response = http.get("/api/v1/posts/" + post);
		assertThat(response.status()).isEqualTo(500);
		return response;
	}

	private static void awaitErrorRateLimit(IScopes scopes) {
		long deadline = System.nanoTime() + SentryReceiver.DEFAULT_TIMEOUT.toNanos();
		while (!isErrorRateLimited(scopes) && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(20));
		}
		assertThat(isErrorRateLimited(scopes)).as("the SDK has taken in the 429").isTrue();
	}

	private static boolean isErrorRateLimited(IScopes scopes) {
		RateLimiter rateLimiter = scopes.getRateLimiter();
		return rateLimiter != null && rateLimiter.isActiveForCategory(DataCategory.Error);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
