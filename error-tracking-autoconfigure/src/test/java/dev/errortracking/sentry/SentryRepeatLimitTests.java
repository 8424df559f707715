package dev.errortracking.sentry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.errortracking.test.ReceivedEvent;
import dev.errortracking.test.SentryReceiver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * With the real SDK and a real endpoint: repeats of one kind of failure beyond the set events per second are
 * answered and logged without an event, counted in the SDK's client reports and on the next event of their kind,
 * while other kinds of failure are still reported.
 */
class SentryRepeatLimitTests {

	private static final String KIND = IllegalStateException.class.getName();

	@Test
	void repeatsBeyondTheLimitAreCountedAndTheNextEventOfTheirKindCarriesTheCount() throws InterruptedException {
		try (SentryReceiver receiver = SentryReceiver.start();
				ConfigurableApplicationContext context = start(receiver, "2")) {
			TestHttp http = new TestHttp(port(context));
			List<TestHttp.Response> storm = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				storm.add(fail(http, "/api/v1/posts/" + i));
			}

			assertThat(storm.subList(0, 2)).as("one second's worth goes through at once")
				.allSatisfy((response) -> assertThat(response.eventId()).isNotNull());
			List<TestHttp.Response> heldBack = storm.stream().filter((response) -> response.eventId() == null).toList();
			assertThat(heldBack).as("held back").hasSizeGreaterThanOrEqualTo(6).allSatisfy((response) -> {
				assertThat(response.error()).isEqualTo("INTERNAL_ERROR");
				assertThat(response.eventIdHeader()).isNull();
			});
			TestHttp.Response otherKind = fail(http, "/api/v1/external");
			assertThat(otherKind.eventId()).as("another kind of failure has an allowance of its own").isNotNull();

			Thread.sleep(600);
			TestHttp.Response next = fail(http, "/api/v1/posts/next");
			assertThat(next.eventId()).as("an event once the allowance has refilled").isNotNull();
			ReceivedEvent nextEvent = receiver.awaitEvent((event) -> next.eventId().equals(event.eventId()));

			assertThat(extra(nextEvent)).containsEntry(SentryErrorReporter.REPEATS_HELD_BACK,
					(long) heldBackSinceLastEvent(storm));
			receiver.awaitEvent((event) -> otherKind.eventId().equals(event.eventId()));
			assertThat(receiver.events().stream().filter((event) -> event.exceptionTypes().contains(KIND)))
				.as("events of the repeated kind").hasSize(storm.size() - heldBack.size() + 1);
			awaitDiscarded(receiver, "sample_rate/error", heldBack.size());
		}
	}

	@Test
	void everyFailureIsBuiltIntoAnEventWhenSwitchedOff() {
		try (SentryReceiver receiver = SentryReceiver.start();
				ConfigurableApplicationContext context = start(receiver, "2",
						"error-tracking.sentry.repeat-limit.enabled=false")) {
			TestHttp http = new TestHttp(port(context));
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				ids.add(fail(http, "/api/v1/posts/" + i).eventId());
			}

			assertThat(ids).doesNotContainNull();
			assertThat(receiver.awaitEvents(12)).hasSize(12)
				.allSatisfy((event) -> assertThat(extra(event)).doesNotContainKey(SentryErrorReporter.REPEATS_HELD_BACK));
		}
	}

	@Test
	void aRateThatIsNotPositiveStopsTheApplicationFromStarting() {
		try (SentryReceiver receiver = SentryReceiver.start()) {
			assertThatException().isThrownBy(() -> start(receiver, "0").close())
				.withStackTraceContaining("error-tracking.sentry.repeat-limit.events-per-second must be positive");
		}
	}

	private static ConfigurableApplicationContext start(SentryReceiver receiver, String eventsPerSecond,
			String... more) {
		return new SpringApplicationBuilder(SentryTestApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "sentry.dsn=" + receiver.dsn(),
					"error-tracking.sentry.repeat-limit.events-per-second=" + eventsPerSecond)
			.properties(more)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static TestHttp.Response fail(TestHttp http, String path) {
		TestHttp.Response response = http.get(path);
		assertThat(response.status()).as(path).isGreaterThanOrEqualTo(500);
		return response;
	}

	private static int heldBackSinceLastEvent(List<TestHttp.Response> storm) {
		int count = 0;
		for (TestHttp.Response response : storm) {
			count = (response.eventId() == null) ? count + 1 : 0;
		}
		return count;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> extra(ReceivedEvent event) {
		Object extra = event.get("extra");
		return (extra instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static void awaitDiscarded(SentryReceiver receiver, String key, long expected) throws InterruptedException {
		long deadline = System.nanoTime() + SentryReceiver.DEFAULT_TIMEOUT.toNanos();
		while (receiver.discarded().getOrDefault(key, 0L) < expected && System.nanoTime() < deadline) {
			Thread.sleep(Duration.ofMillis(50).toMillis());
		}
		assertThat(receiver.discarded()).containsEntry(key, expected);
	}

}
