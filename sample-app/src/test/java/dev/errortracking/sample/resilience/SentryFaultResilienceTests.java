package dev.errortracking.sample.resilience;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.errortracking.test.ReceivedEvent;
import dev.errortracking.test.SentryReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app under a steady load of failing and succeeding requests while Sentry is healthy, down,
 * black-holed, slow, rate-limiting or failing: no request may fail or slow down because of Sentry, heap and threads
 * stay bounded, shutdown stays within the SDK's configured waits, and a healthy Sentry receives every event captured
 * before a graceful shutdown.
 */
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(ResilienceSummary.class)
class SentryFaultResilienceTests {

	private static final int WARM_UP_REQUESTS = 120;

	private static final int BASELINE_REQUESTS = 160;

	private static final int LOAD_REQUESTS = 240;

	private static final int REQUESTS_PER_SECOND = 80;

	private static final int BURST_REQUESTS = 40;

	/**
	 * A fault may make the 99th percentile at most this many times the one measured just before it in the same
	 * app, plus {@link #P99_SLACK}.
	 */
	private static final int P99_FACTOR = 3;

	private static final Duration P99_SLACK = Duration.ofMillis(150);

	private static final long MAX_HEAP_GROWTH = 48L << 20;

	private static final int MAX_THREAD_GROWTH = 16;

	/** Failures captured after Sentry answered 429 but before the SDK had read that answer. */
	private static final int MAX_REPORTED_DURING_PAUSE = 5;

	@Test
	@Order(1)
	void healthySentryReceivesEveryEventCapturedBeforeAGracefulShutdown() throws Exception {
		try (SentryReceiver receiver = SentryReceiver.start(); SampleAppUnderTest app = SampleAppUnderTest.start(receiver,
				SampleAppUnderTest.EVERY_FAILURE_AN_EVENT);
				SteadyLoad load = new SteadyLoad(app.port())) {
			load.createPost();
			SteadyLoad.Result warmUp = load.run("warm-up", WARM_UP_REQUESTS, 200);
			Set<String> captured = new HashSet<>(warmUp.eventIds());
			long heap = SampleAppUnderTest.heapAfterGc();
			int threads = SampleAppUnderTest.liveThreads();

			SteadyLoad.Result result = load.run("healthy", LOAD_REQUESTS, REQUESTS_PER_SECOND);
			long heapGrowth = SampleAppUnderTest.heapAfterGc() - heap;
			int threadGrowth = SampleAppUnderTest.liveThreads() - threads;
			// a burst right before the shutdown, so that events are still queued when it begins
			SteadyLoad.Result burst = load.run("burst", BURST_REQUESTS, 1000);
			captured.addAll(result.eventIds());
			captured.addAll(burst.eventIds());
			Duration bound = SampleAppUnderTest.shutdownBound();
			int pendingAtShutdown = captured.size() - receiver.events().size();
			Duration shutdown = app.closeTimed();

			List<String> delivered = receiver.events().stream().map(ReceivedEvent::eventId).toList();
			Set<String> lost = new HashSet<>(captured);
			delivered.forEach(lost::remove);
			Map<String, Object> figures = figures(result, heapGrowth, threadGrowth, shutdown, bound);
			figures.put("events-captured", captured.size());
			figures.put("events-delivered", delivered.size());
			figures.put("pending-at-shutdown", Math.max(0, pendingAtShutdown));
			figures.put("events-lost", lost.size());
			ResilienceSummary.record("sentry=healthy", figures);

			assertThat(result.sortedFailures()).as("requests with a wrong answer").isEmpty();
			assertThat(burst.sortedFailures()).as("requests of the burst with a wrong answer").isEmpty();
			assertThat(result.serverErrors()).isEqualTo(LOAD_REQUESTS / 2);
			assertThat(List.of(warmUp, result, burst)).flatExtracting(SteadyLoad.Result::unreported)
				.as("server errors answered without an event id")
				.isEmpty();
			assertThat(lost).as("events captured before the shutdown but never delivered").isEmpty();
			assertThat(delivered).as("events delivered, each once").hasSize(captured.size()).doesNotHaveDuplicates();
			// The in-process receiver keeps every event it receives, so the heap grows with them here: only the
			// fault scenarios, where nothing is stored, hold the application's heap to a bound.
			assertThat(threadGrowth).as("growth of live threads").isLessThanOrEqualTo(MAX_THREAD_GROWTH);
			assertThat(shutdown).as("shutdown").isLessThan(bound);
		}
	}

	@ParameterizedTest
	@EnumSource
	@Order(2)
	void faultySentryNeitherFailsNorSlowsRequestsAndShutdownStaysBounded(Fault fault) throws Exception {
		try (SentryReceiver receiver = SentryReceiver.start(); SampleAppUnderTest app = SampleAppUnderTest.start(receiver,
				SampleAppUnderTest.EVERY_FAILURE_AN_EVENT);
				SteadyLoad load = new SteadyLoad(app.port())) {
			load.createPost();
			load.run("warm-up", WARM_UP_REQUESTS, 200);
			SteadyLoad.Result healthy = load.run("healthy-" + fault.label, BASELINE_REQUESTS, REQUESTS_PER_SECOND);
			fault.start.accept(receiver);
			long heap = SampleAppUnderTest.heapAfterGc();
			int threads = SampleAppUnderTest.liveThreads();

			SteadyLoad.Result result = load.run(fault.label, LOAD_REQUESTS, REQUESTS_PER_SECOND);
			long heapGrowth = SampleAppUnderTest.heapAfterGc() - heap;
			int threadGrowth = SampleAppUnderTest.liveThreads() - threads;
			Duration bound = SampleAppUnderTest.shutdownBound();
			Duration shutdown = app.closeTimed();

			Map<String, Object> figures = figures(result, heapGrowth, threadGrowth, shutdown, bound);
			figures.put("healthy-p99", SteadyLoad.Result.millis(healthy.p99()));
			ResilienceSummary.record("sentry=" + fault.label, figures);

			assertThat(healthy.sortedFailures()).as("requests with a wrong answer before the fault").isEmpty();
			assertThat(result.sortedFailures()).as("requests with a wrong answer while Sentry is %s", fault.label)
				.isEmpty();
			assertThat(result.serverErrors()).isEqualTo(LOAD_REQUESTS / 2);
			assertThat(healthy.unreported()).as("server errors answered without an event id before the fault")
				.isEmpty();
			if (fault == Fault.RATE_LIMITED) {
				assertThat(result.eventIds())
					.as("event ids handed out while Sentry asks for a pause: no event is built that the SDK drops")
					.hasSizeLessThanOrEqualTo(MAX_REPORTED_DURING_PAUSE);
			}
			else {
				assertThat(result.unreported()).as("server errors answered without an event id while Sentry is %s",
						fault.label)
					.isEmpty();
			}
			assertThat(Duration.ofNanos(result.p99()))
				.as("99th percentile while Sentry is %s, against %s when healthy", fault.label,
						SteadyLoad.Result.millis(healthy.p99()))
				.isLessThanOrEqualTo(Duration.ofNanos(healthy.p99() * P99_FACTOR).plus(P99_SLACK));
			assertBounded(heapGrowth, threadGrowth, shutdown, bound);
		}
	}

	private static void assertBounded(long heapGrowth, int threadGrowth, Duration shutdown, Duration bound) {
		assertThat(heapGrowth).as("heap growth in bytes after a full collection").isLessThan(MAX_HEAP_GROWTH);
		assertThat(threadGrowth).as("growth of live threads").isLessThanOrEqualTo(MAX_THREAD_GROWTH);
		assertThat(shutdown).as("shutdown").isLessThan(bound);
	}

	private static Map<String, Object> figures(SteadyLoad.Result result, long heapGrowth, int threadGrowth,
			Duration shutdown, Duration bound) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("requests", result.requests());
		figures.put("failed", result.failures().size());
		figures.put("server-errors", result.serverErrors());
		figures.put("without-event-id", result.unreported().size());
		figures.put("p50", SteadyLoad.Result.millis(result.p50()));
		figures.put("p99", SteadyLoad.Result.millis(result.p99()));
		figures.put("heap-growth", String.format(Locale.ROOT, "%.1fMB", heapGrowth / 1048576.0));
		figures.put("thread-growth", threadGrowth);
		figures.put("shutdown", seconds(shutdown) + "/" + seconds(bound));
		return figures;
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.2fs", duration.toMillis() / 1000.0);
	}

	enum Fault {

		DOWN("down", SentryReceiver::refuseConnections),

		BLACK_HOLE("black-hole", SentryReceiver::blackHole),

		SLOW("slow-5s", (receiver) -> receiver.answerSlowly(Duration.ofSeconds(5))),

		RATE_LIMITED("429", (receiver) -> receiver.rateLimit(Duration.ofMinutes(1))),

		FAILING("500", (receiver) -> receiver.answerWithStatus(500));

		private final String label;

		private final Consumer<SentryReceiver> start;

		Fault(String label, Consumer<SentryReceiver> start) {
			this.label = label;
			this.start = start;
		}

	}

}
