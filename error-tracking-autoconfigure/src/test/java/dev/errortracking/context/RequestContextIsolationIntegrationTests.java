package dev.errortracking.context;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

import dev.errortracking.context.app.ContextTestApplication;
import dev.errortracking.context.app.TestClient;
import dev.errortracking.logging.LoggingSystemReset;
import dev.errortracking.privacy.PrivacyScrubber;
import dev.errortracking.web.ErrorLogger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500 concurrent requests of 500 users on 16 server threads, half of them failing: every log line and every
 * Sentry event (real SDK, local listener) carries its own request's id and user, and no MDC survives a request.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestContextIsolationIntegrationTests {

	private static final int REQUESTS = ContextTestApplication.USERS;

	private static final int SERVER_THREADS = 16;

	private static final Pattern ORDER_MESSAGE = Pattern.compile("(?:order|audit of order) (\\d+)(?: requested)?");

	private static final List<Map<String, String>> mdcOnEntry = new CopyOnWriteArrayList<>();

	private static SentryEnvelopeListener sentry;

	private static ConfigurableApplicationContext context;

	private static TestClient client;

	@BeforeAll
	static void start() throws Exception {
		LoggingSystemReset.reset();
		sentry = new SentryEnvelopeListener();
		context = new SpringApplicationBuilder(ContextTestApplication.class, MdcProbeConfiguration.class)
			.profiles("prod")
			.run("--server.port=0", "--server.tomcat.threads.max=" + SERVER_THREADS,
					"--server.tomcat.threads.min-spare=" + SERVER_THREADS, "--sentry.dsn=" + sentry.dsn(),
					"--sentry.max-queue-size=2000", "--sentry.send-default-pii=false",
					// every failure is to become an event; the repeat limit is tested on its own
					"--error-tracking.sentry.repeat-limit.enabled=false",
					"--error-tracking.privacy.user-id-key=isolation-test-key",
					"--sentry.logging.enabled=true", "--sentry.logging.minimum-event-level=error");
		client = new TestClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		context.close();
		sentry.close();
		LoggingSystemReset.reset();
	}

	@Test
	void concurrentRequestsKeepTheirOwnContext(CapturedOutput output) throws Exception {
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, REQUESTS)
			.mapToObj((i) -> client.sendAsync(client.get("/orders/" + i + failure(i), "user" + i, "X-Request-Id",
					"load-" + i)))
			.toList();
		for (int i = 0; i < REQUESTS; i++) {
			HttpResponse<String> response = responses.get(i).get(60, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(expectedStatus(i));
			assertThat(response.headers().firstValue("X-Request-Id")).hasValue("load-" + i);
			Map<String, Object> body = TestClient.json(response);
			assertThat(body).containsEntry((i % 2 == 0) ? "asyncRequestId" : "requestId", "load-" + i);
		}
		assertLogLinesKeepTheirContext(output.getOut());
		assertEventsKeepTheirContext();
		assertThat(mdcOnEntry).hasSizeGreaterThanOrEqualTo(REQUESTS).allSatisfy((mdc) -> assertThat(mdc).isEmpty());
		assertThat(mdcOfServerThreads()).hasSize(SERVER_THREADS).allSatisfy((thread, mdc) -> assertThat(mdc).isEmpty());
	}

	private void assertLogLinesKeepTheirContext(String output) {
		Map<Integer, List<Map<String, Object>>> linesByRequest = new HashMap<>();
		for (Map<String, Object> line : TestClient.jsonLines(output)) {
			String message = (String) line.get("message");
			Matcher order = ORDER_MESSAGE.matcher(message);
			boolean orderLine = order.matches() && Integer.parseInt(order.group(1)) < REQUESTS;
			boolean errorLine = ErrorLogger.LOGGER_NAME.equals(line.get("logger_name"));
			if (!orderLine && !errorLine) {
				continue;
			}
			String requestId = (String) line.get("request_id");
			assertThat(requestId).as("request id of %s", line).startsWith("load-");
			int request = Integer.parseInt(requestId.substring("load-".length()));
			if (orderLine) {
				assertThat(Integer.parseInt(order.group(1))).as("request of %s", line).isEqualTo(request);
			}
			assertThat(line).as("context of %s", line)
				.containsEntry("user_id", "user" + request)
				.containsEntry("http_route", "/orders/{id}")
				.containsEntry("http_method", "GET");
			linesByRequest.computeIfAbsent(request, (key) -> new ArrayList<>()).add(line);
		}
		assertThat(linesByRequest).hasSize(REQUESTS);
		linesByRequest.forEach((request, lines) -> {
			assertThat(lines).as("lines of request %s", request).hasSize((request % 2 == 0) ? 2 : 3);
			assertThat(lines.stream().filter((line) -> ErrorLogger.LOGGER_NAME.equals(line.get("logger_name"))))
				.as("failure lines of request %s", request)
				.hasSize((request % 2 == 0) ? 0 : 1);
		});
	}

	@SuppressWarnings("unchecked")
	private void assertEventsKeepTheirContext() throws InterruptedException {
		Set<String> failed = IntStream.range(0, REQUESTS)
			.filter((i) -> expectedStatus(i) == 500)
			.mapToObj((i) -> "load-" + i)
			.collect(Collectors.toSet());
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (reportedRequests().size() < failed.size() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(reportedRequests()).isEqualTo(failed);
		PrivacyScrubber scrubber = context.getBean(PrivacyScrubber.class);
		for (Map<String, Object> event : sentry.events()) {
			Map<String, Object> tags = (Map<String, Object>) event.get("tags");
			int request = Integer.parseInt(((String) tags.get("request_id")).substring("load-".length()));
			assertThat(tags).as("tags of %s", tags)
				.containsEntry("http_route", "/orders/{id}")
				.containsEntry("http_method", "GET");
			assertThat((Map<String, Object>) event.get("user")).as("user of %s", tags)
				.containsEntry("id", scrubber.pseudonym("user" + request))
				.doesNotContainKeys("email", "username", "ip_address");
		}
	}

	@SuppressWarnings("unchecked")
	private static Set<String> reportedRequests() {
		return sentry.events()
			.stream()
			.map((event) -> (Map<String, Object>) event.get("tags"))
			.map((tags) -> (tags != null) ? (String) tags.get("request_id") : "no request id")
			.collect(Collectors.toSet());
	}

	private static Map<String, Map<String, String>> mdcOfServerThreads() throws Exception {
		TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
		ExecutorService workers = (ExecutorService) server.getTomcat()
			.getConnector()
			.getProtocolHandler()
			.getExecutor();
		CyclicBarrier allThreadsBusy = new CyclicBarrier(SERVER_THREADS);
		Map<String, Map<String, String>> mdcByThread = new ConcurrentHashMap<>();
		List<Future<?>> probes = new ArrayList<>();
		for (int i = 0; i < SERVER_THREADS; i++) {
			probes.add(workers.submit(() -> {
				mdcByThread.put(Thread.currentThread().getName(), copyOfMdc());
				allThreadsBusy.await(30, TimeUnit.SECONDS);
				return null;
			}));
		}
		for (Future<?> probe : probes) {
			probe.get(60, TimeUnit.SECONDS);
		}
		return mdcByThread;
	}

	private static Map<String, String> copyOfMdc() {
		Map<String, String> mdc = MDC.getCopyOfContextMap();
		return (mdc != null) ? mdc : Map.of();
	}

	private static String failure(int request) {
		return switch (request % 4) {
			case 1 -> "?fail=404";
			case 3 -> "?fail=500";
			default -> "";
		};
	}

	private static int expectedStatus(int request) {
		return switch (request % 4) {
			case 1 -> 404;
			case 3 -> 500;
			default -> 200;
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class MdcProbeConfiguration {

		@Bean
		FilterRegistrationBean<Filter> mdcOnEntryProbe() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				mdcOnEntry.add(copyOfMdc());
				chain.doFilter(request, response);
			});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
