package dev.errortracking.sample.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentry.Sentry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.errortracking.test.ReceivedEvent;
import dev.errortracking.test.SentryReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once under load: 1,000 server errors of three kinds, sent 32 at a time with client errors in between,
 * give exactly one Sentry event each; every body's event id is that of its own event, and no event carries
 * another request's id, whether events are built before the response or after it. With the shipped limit of events per kind of failure, every server error is either one
 * event or counted in the SDK's client reports.
 */
@ExtendWith(ResilienceSummary.class)
class ConcurrentReportingResilienceTests {

	private static final int SERVER_ERRORS = 1000;

	private static final int CLIENT_ERROR_EVERY = 5;

	private static final int CONCURRENCY = 32;

	/**
	 * A send queue that holds every event of the burst and the transactions sampled with it, so that what is
	 * checked is the library's part and not how fast the SDK's one sender thread gets rid of envelopes on this
	 * machine: when it falls behind, a full queue of the shipped size drops events after their ids were handed out,
	 * and counts them as {@code queue_overflow} in its client reports.
	 */
	private static final String HOLD_THE_WHOLE_BURST = "sentry.max-queue-size=" + 2 * SERVER_ERRORS;

	private static final Pattern REQUEST_ID = Pattern.compile("conc-\\d+");

	private static final ObjectMapper objectMapper = new ObjectMapper();

	@ParameterizedTest(name = "report-after-response={0}")
	@ValueSource(booleans = { false, true })
	void everyServerErrorIsReportedExactlyOnceWithItsOwnEventId(boolean afterResponse) throws Exception {
		try (SentryReceiver receiver = SentryReceiver.start();
				SampleAppUnderTest app = SampleAppUnderTest.start(receiver,
						SampleAppUnderTest.EVERY_FAILURE_AN_EVENT, HOLD_THE_WHOLE_BURST,
						"error-tracking.sentry.report-after-response=" + afterResponse)) {
			List<Sent> sent = sendAll(app.port(), true);

			Map<String, Sent> byEventId = new HashMap<>();
			List<String> wrongAnswers = new ArrayList<>();
			for (Sent request : sent) {
				String problem = request.problem();
				if (problem != null) {
					wrongAnswers.add(request.requestId() + ": " + problem);
				}
				else if (request.eventId() != null) {
					byEventId.put(request.eventId(), request);
				}
			}
			receiver.awaitEvents(byEventId.size(), Duration.ofSeconds(60));
			List<ReceivedEvent> events = eventsBeforeSentinel(receiver);

			Map<String, Integer> eventsPerId = new HashMap<>();
			List<String> crossTalk = new ArrayList<>();
			for (ReceivedEvent event : events) {
				eventsPerId.merge(event.eventId(), 1, Integer::sum);
				Sent request = byEventId.get(event.eventId());
				Set<String> ids = requestIdsIn(event.json());
				if (request != null && (!request.requestId().equals(event.tag("request_id"))
						|| !ids.equals(Set.of(request.requestId()))
						|| !String.valueOf(request.status()).equals(event.tag("http_status")))) {
					crossTalk.add(event.eventId() + " of " + request.requestId() + " names " + ids + " with tags "
							+ event.tags());
				}
			}
			Set<String> lost = new HashSet<>(byEventId.keySet());
			lost.removeAll(eventsPerId.keySet());
			Set<String> unexpected = new HashSet<>(eventsPerId.keySet());
			unexpected.removeAll(byEventId.keySet());
			long duplicates = eventsPerId.values().stream().filter((count) -> count > 1).count();
			int clientErrors = sent.size() - SERVER_ERRORS;

			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("requests", sent.size());
			figures.put("server-errors", SERVER_ERRORS);
			figures.put("client-errors", clientErrors);
			figures.put("concurrency", CONCURRENCY);
			figures.put("wrong-answers", wrongAnswers.size());
			figures.put("events", events.size());
			figures.put("events-lost", lost.size());
			figures.put("duplicates", duplicates);
			figures.put("unexpected-events", unexpected.size());
			figures.put("cross-talk", crossTalk.size());
			ResilienceSummary.record(afterResponse ? "concurrency-after-response" : "concurrency", figures);

			assertThat(wrongAnswers).as("answers that are not the expected status and body").isEmpty();
			assertThat(byEventId).as("server errors with an event id in their body").hasSize(SERVER_ERRORS);
			assertThat(lost).as("event ids handed to clients that Sentry never received").isEmpty();
			assertThat(duplicates).as("events received more than once").isZero();
			assertThat(unexpected).as("events that no server error's body names").isEmpty();
			assertThat(crossTalk).as("events that name another request").isEmpty();
			assertThat(events).hasSize(SERVER_ERRORS);
		}
	}

	@Test
	void withTheShippedRepeatLimitEveryServerErrorIsReportedOnceOrCountedAsHeldBack() throws Exception {
		try (SentryReceiver receiver = SentryReceiver.start();
				SampleAppUnderTest app = SampleAppUnderTest.start(receiver)) {
			List<Sent> sent = sendAll(app.port(), false);

			List<String> wrongAnswers = sent.stream()
				.filter((request) -> request.problem() != null)
				.map((request) -> request.requestId() + ": " + request.problem())
				.toList();
			Set<String> eventIds = new HashSet<>();
			sent.stream().map(Sent::eventId).filter((id) -> id != null).forEach(eventIds::add);
			receiver.awaitEvents(eventIds.size(), Duration.ofSeconds(60));
			List<ReceivedEvent> events = eventsBeforeSentinel(receiver);
			Map<String, Long> discarded = receiver.discarded();
			long notBuilt = discarded.getOrDefault("sample_rate/error", 0L)
					+ discarded.getOrDefault("backpressure/error", 0L)
					+ discarded.getOrDefault("ratelimit_backoff/error", 0L);
			long droppedBySdk = discarded.getOrDefault("queue_overflow/error", 0L);
			long heldBackOnEvents = events.stream()
				.map((event) -> (event.get("extra") instanceof Map<?, ?> extra) ? extra.get("repeats_held_back") : null)
				.filter((count) -> count instanceof Number)
				.mapToLong((count) -> ((Number) count).longValue())
				.sum();

			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("server-errors", SERVER_ERRORS);
			figures.put("events", events.size());
			figures.put("held-back", discarded.getOrDefault("sample_rate/error", 0L));
			figures.put("not-built-other", notBuilt - discarded.getOrDefault("sample_rate/error", 0L));
			figures.put("dropped-by-sdk", droppedBySdk);
			ResilienceSummary.record("repeat-limit", figures);

			assertThat(wrongAnswers).as("answers that are not the expected status and body").isEmpty();
			assertThat(events).extracting(ReceivedEvent::eventId)
				.as("one event for each event id handed to a client, and no other")
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(eventIds);
			assertThat(eventIds.size()).as("events built").isBetween(30, SERVER_ERRORS - 1);
			assertThat(eventIds.size() + notBuilt)
				.as("every server error is either an event or counted in the client reports as not built")
				.isEqualTo(SERVER_ERRORS);
			assertThat(droppedBySdk).as("events built and then dropped by the SDK").isZero();
			assertThat(heldBackOnEvents).as("held-back counts carried by events")
				.isPositive()
				.isLessThanOrEqualTo(discarded.getOrDefault("sample_rate/error", 0L));
		}
	}

	private List<Sent> sendAll(int port, boolean everyServerErrorAnEvent) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
		ExecutorService responses = Executors.newFixedThreadPool(4);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(30))
			.executor(responses)
			.build();
		try {
			List<Future<Sent>> futures = new ArrayList<>();
			int serverErrors = 0;
			for (int i = 0; serverErrors < SERVER_ERRORS; i++) {
				String requestId = "conc-" + i;
				Kind kind = (i % CLIENT_ERROR_EVERY == CLIENT_ERROR_EVERY - 1) ? Kind.NOT_FOUND
						: Kind.values()[serverErrors++ % 3];
				HttpRequest request = kind.request(URI.create("http://127.0.0.1:" + port), requestId);
				futures.add(clients.submit(() -> {
					HttpResponse<String> response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
					return Sent.of(kind, requestId, response, everyServerErrorAnEvent);
				}));
			}
			List<Sent> sent = new ArrayList<>();
			for (Future<Sent> future : futures) {
				sent.add(future.get(120, TimeUnit.SECONDS));
			}
			return sent;
		}
		finally {
			clients.shutdownNow();
			responses.shutdownNow();
		}
	}

	private static List<ReceivedEvent> eventsBeforeSentinel(SentryReceiver receiver) {
		String sentinel = "sentinel " + UUID.randomUUID();
		Sentry.captureMessage(sentinel);
		receiver.awaitEvent((event) -> sentinel.equals(event.message()));
		return receiver.events().stream().filter((event) -> !sentinel.equals(event.message())).toList();
	}

	private static Set<String> requestIdsIn(String json) {
		Set<String> ids = new HashSet<>();
		Matcher matcher = REQUEST_ID.matcher(json);
		while (matcher.find()) {
			ids.add(matcher.group());
		}
		return ids;
	}

	private enum Kind {

		GET_DEBUG(500, "INTERNAL_ERROR"), POST_DEBUG(500, "INTERNAL_ERROR"),
		EXTERNAL(503, "EXTERNAL_SERVICE_ERROR"), NOT_FOUND(404, "NOT_FOUND");

		private final int status;

		private final String code;

		Kind(int status, String code) {
			this.status = status;
			this.code = code;
		}

		HttpRequest request(URI base, String requestId) {
			HttpRequest.Builder builder = switch (this) {
				case GET_DEBUG -> HttpRequest.newBuilder(base.resolve("/sentry-debug")).GET();
				case POST_DEBUG -> HttpRequest.newBuilder(base.resolve("/sentry-debug"))
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString("{\"request\": \"" + requestId + "\"}"));
				case EXTERNAL -> HttpRequest.newBuilder(base.resolve("/api/v1/external/7")).GET();
				case NOT_FOUND -> HttpRequest.newBuilder(base.resolve("/api/v1/posts/987654321")).GET();
			};
			return builder.header("X-Request-Id", requestId).timeout(Duration.ofSeconds(60)).build();
		}

	}

	/**
	 * One request and what came back.
	 *
	 * @param requestId the request id it was sent with
	 * @param status the status of the answer
	 * @param eventId the event id of the body, or {@code null}
	 * @param problem what is wrong with the answer, or {@code null}
	 */
	private record Sent(String requestId, int status, String eventId, String problem) {

		static Sent of(Kind kind, String requestId, HttpResponse<String> response, boolean everyServerErrorAnEvent)
				throws Exception {
			JsonNode body = objectMapper.readTree(response.body());
			String eventId = body.hasNonNull("eventId") ? body.get("eventId").asText() : null;
			String problem = null;
			if (response.statusCode() != kind.status || !kind.code.equals(body.path("error").asText())
					|| !requestId.equals(body.path("requestId").asText())) {
				problem = "expected " + kind.status + " " + kind.code + " but got " + response.statusCode() + " "
						+ response.body();
			}
			else if ((kind.status < 500 && eventId != null)
					|| (kind.status >= 500 && eventId == null && everyServerErrorAnEvent)) {
				problem = "event id " + eventId + " for a " + kind.status;
			}
			else if (eventId != null && !eventId.equals(response.headers().firstValue("X-Event-Id").orElse(null))) {
				problem = "X-Event-Id differs from the body's " + eventId;
			}
			return new Sent(requestId, response.statusCode(), eventId, problem);
		}

	}

}
