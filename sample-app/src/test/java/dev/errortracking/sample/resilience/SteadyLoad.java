package dev.errortracking.sample.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A steady, bounded load on the sample app: requests sent at a fixed rate, alternating between the two deliberate
 * server errors (reported to Sentry) and two successful reads, each answer checked for its exact status and body.
 */
final class SteadyLoad implements AutoCloseable {

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Set<String> REPORTED_MEMBERS = new TreeSet<>(
			List.of("error", "message", "details", "requestId", "eventId"));

	private static final Set<String> UNREPORTED_MEMBERS = new TreeSet<>(
			List.of("error", "message", "details", "requestId"));

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.executor(this.executor)
		.build();

	private final URI base;

	private long postId;

	private String postTitle;

	SteadyLoad(int port) {
		this.base = URI.create("http://127.0.0.1:" + port);
	}

	/** Create the post that the successful reads ask for. */
	void createPost() throws IOException, InterruptedException {
		this.postTitle = "Steady " + UUID.randomUUID();
		String body = objectMapper.writeValueAsString(Map.of("title", this.postTitle, "content", "Load",
				"authorEmail", "load@example.com"));
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(this.base.resolve("/api/v1/posts"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.timeout(TIMEOUT)
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Could not create the post: " + response.body());
		}
		this.postId = objectMapper.readTree(response.body()).get("id").asLong();
	}

	/**
	 * Send {@code requests} requests at {@code perSecond}, wait for every answer and check it.
	 * @param label a prefix of the request ids
	 */
	Result run(String label, int requests, int perSecond) throws InterruptedException {
		Queue<String> failures = new ConcurrentLinkedQueue<>();
		Queue<String> eventIds = new ConcurrentLinkedQueue<>();
		Queue<String> unreported = new ConcurrentLinkedQueue<>();
		long[] latencies = new long[requests];
		List<CompletableFuture<Void>> pending = new ArrayList<>();
		long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long start = System.nanoTime();
		for (int i = 0; i < requests; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			int index = i;
			String requestId = label + "-" + i;
			long sent = System.nanoTime();
			pending.add(this.client.sendAsync(request(i, requestId), BodyHandlers.ofString(StandardCharsets.UTF_8))
				.handle((response, failure) -> {
					latencies[index] = System.nanoTime() - sent;
					String problem = (failure != null) ? "no answer: " + failure : check(index, requestId, response,
							eventIds, unreported);
					if (problem != null) {
						failures.add(requestId + ": " + problem);
					}
					return null;
				}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		return new Result(requests, List.copyOf(failures), List.copyOf(eventIds), List.copyOf(unreported),
				percentile(sorted, 50), percentile(sorted, 99));
	}

	private HttpRequest request(int i, String requestId) {
		HttpRequest.Builder builder = switch (i % 4) {
			case 0 -> HttpRequest.newBuilder(this.base.resolve("/sentry-debug")).GET();
			case 1 -> HttpRequest.newBuilder(this.base.resolve("/api/v1/posts/" + this.postId)).GET();
			case 2 -> HttpRequest.newBuilder(this.base.resolve("/sentry-debug"))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString("{\"request\": \"" + requestId + "\"}"));
			default -> HttpRequest.newBuilder(this.base.resolve("/api/v1/posts?size=5")).GET();
		};
		return builder.header("X-Request-Id", requestId).timeout(TIMEOUT).build();
	}

	private String check(int i, String requestId, HttpResponse<String> response, Queue<String> eventIds,
			Queue<String> unreported) {
		JsonNode body;
		try {
			body = objectMapper.readTree(response.body());
		}
		catch (IOException ex) {
			return response.statusCode() + " with a body that is not JSON: " + response.body();
		}
		if (i % 2 == 1) {
			if (response.statusCode() != 200) {
				return "expected 200 but got " + response.statusCode() + " " + response.body();
			}
			boolean expected = (i % 4 == 1) ? this.postTitle.equals(body.path("title").asText())
					: body.path("content").isArray();
			return expected ? null : "unexpected body " + response.body();
		}
		if (response.statusCode() != 500) {
			return "expected 500 but got " + response.statusCode() + " " + response.body();
		}
		Set<String> members = new TreeSet<>();
		body.fieldNames().forEachRemaining(members::add);
		if (!"INTERNAL_ERROR".equals(body.path("error").asText())
				|| !requestId.equals(body.path("requestId").asText())) {
			return "not the error body of this request: " + response.body();
		}
		String eventIdHeader = response.headers().firstValue("X-Event-Id").orElse(null);
		if (members.equals(UNREPORTED_MEMBERS) && eventIdHeader == null) {
			unreported.add(requestId);
			return null;
		}
		String eventId = body.path("eventId").asText();
		if (!members.equals(REPORTED_MEMBERS) || !EVENT_ID.matcher(eventId).matches()
				|| !eventId.equals(eventIdHeader)) {
			return "not the reported error body: " + response.body();
		}
		eventIds.add(eventId);
		return null;
	}

	private static long percentile(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/**
	 * The outcome of a load run.
	 *
	 * @param requests the number of requests sent
	 * @param failures the requests whose answer was not the expected one, with what was wrong
	 * @param eventIds the event ids of the reported errors
	 * @param unreported the request ids of the server errors answered without an event id
	 * @param p50 the median latency in nanoseconds
	 * @param p99 the 99th percentile latency in nanoseconds
	 */
	record Result(int requests, List<String> failures, List<String> eventIds, List<String> unreported, long p50,
			long p99) {

		int serverErrors() {
			return this.eventIds.size() + this.unreported.size();
		}

		static String millis(long nanos) {
			return String.format(Locale.ROOT, "%.1fms", nanos / 1_000_000.0);
		}

		List<String> sortedFailures() {
			List<String> sorted = new ArrayList<>(this.failures);
			Collections.sort(sorted);
			return sorted;
		}

	}

}
