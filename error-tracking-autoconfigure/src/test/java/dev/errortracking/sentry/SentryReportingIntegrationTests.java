package dev.errortracking.sentry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.errortracking.test.ReceivedEvent;
import dev.errortracking.test.SentryReceiver;
import dev.errortracking.test.WithSentryReceiver;
import dev.errortracking.web.ErrorLogger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of Sentry reporting: a real server, the real SDK and real envelopes over HTTP. Sentry's duplicate
 * detection is off and its exception resolver ordered first, so that only the library keeps reports single.
 */
@SpringBootTest(classes = SentryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sentry.enable-deduplication=false", "sentry.exception-resolver-order=-2147483648",
				"sentry.environment=integration", "sentry.release=sample@1.0.0",
				// every failure is to become an event; the repeat limit is tested on its own
				"error-tracking.sentry.repeat-limit.enabled=false",
				"spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=1KB" })
@WithSentryReceiver
@DirtiesContext
class SentryReportingIntegrationTests {

	private static final Pattern REQUEST_ID = Pattern.compile("concurrent-\\d+");

	@Autowired
	private SentryReceiver receiver;

	@LocalServerPort
	private int port;

	private TestHttp http;

	@BeforeEach
	void reset() {
		this.http = new TestHttp(this.port);
		this.receiver.reset();
	}

	@Test
	void controllerFailureIsReportedOnceWithItsIdInTheBody() {
		TestHttp.Response response = this.http.get("/api/v1/posts/7", "X-Request-Id", "controller-1");

		assertThat(response.status()).isEqualTo(500);
		ReceivedEvent event = onlyEventAfter(response);
		assertThat(event.eventId()).isEqualTo(response.eventId()).isEqualTo(response.eventIdHeader());
		assertThat(event.tags()).containsEntry("error_code", "INTERNAL_ERROR")
			.containsEntry("http_status", "500")
			.containsEntry("request_id", "controller-1");
		assertThat(event.transaction()).isEqualTo("GET /api/v1/posts/{id}");
		assertThat(event.fingerprint()).containsExactly("java.lang.IllegalStateException", "GET /api/v1/posts/{id}");
		assertThat(event.exceptionTypes()).containsExactly("java.lang.IllegalStateException");
		assertThat(event.mechanismTypes()).containsExactly(SentryErrorReporter.MECHANISM_TYPE);
		assertThat(event.level()).isEqualTo("error");
		assertThat(event.environment()).isEqualTo("integration");
		assertThat(event.release()).isEqualTo("sample@1.0.0");
		assertThat(event.request()).containsEntry("method", "GET");
		assertThat((String) event.request().get("url")).endsWith("/api/v1/posts/7");
	}

	@Test
	void failureLogLineIsNotTurnedIntoAnEventByTheLogbackAppender() {
		List<String> loggers = new CopyOnWriteArrayList<>();
		EventProcessor recorder = new EventProcessor() {

			@Override
			public SentryEvent process(SentryEvent event, Hint hint) {
				loggers.add(String.valueOf(event.getLogger()));
				return event;
			}

		};
		List<EventProcessor> processors = Sentry.getCurrentScopes().getOptions().getEventProcessors();
		processors.add(0, recorder);
		try {
			TestHttp.Response response = this.http.get("/api/v1/posts/7", "X-Request-Id", "copy-1");

			assertThat(response.status()).isEqualTo(500);
			assertThat(onlyEventAfter(response).eventId()).isEqualTo(response.eventId());
			assertThat(loggers).isNotEmpty().doesNotContain(ErrorLogger.LOGGER_NAME);
		}
		finally {
			processors.remove(recorder);
		}
	}

	@Test
	void filterFailureIsReportedOnce() {
		TestHttp.Response response = this.http.get("/filter-boom", "X-Request-Id", "filter-1");

		assertThat(response.status()).isEqualTo(500);
		ReceivedEvent event = onlyEventAfter(response);
		assertThat(event.eventId()).isEqualTo(response.eventId());
		assertThat(event.tags()).containsEntry("error_code", "INTERNAL_ERROR")
			.containsEntry("http_status", "500")
			.containsEntry("request_id", "filter-1");
		assertThat(event.transaction()).isEqualTo("GET /filter-boom");
		assertThat(event.exceptionValues()).containsExactly("filter failed on /filter-boom");
	}

	@Test
	void exceptionThatReachesTheErrorPageIsReportedOnce() {
		TestHttp.Response response = this.http.get("/outer-boom", "X-Request-Id", "error-page-1");

		assertThat(response.status()).isEqualTo(500);
		ReceivedEvent event = onlyEventAfter(response);
		assertThat(event.eventId()).isEqualTo(response.eventId());
		assertThat(event.tags()).containsEntry("error_code", "INTERNAL_ERROR")
			.containsEntry("http_status", "500")
			.containsEntry("request_id", "error-page-1");
		assertThat(event.transaction()).isEqualTo("GET /outer-boom");
		assertThat(event.exceptionTypes()).containsExactly("java.lang.IllegalStateException");
		assertThat((String) event.request().get("url")).endsWith("/outer-boom");
	}

	@Test
	void statusOnlyErrorPageIsReportedOnceAsAMessage() {
		TestHttp.Response response = this.http.get("/outer-send-error", "X-Request-Id", "error-page-2");

		assertThat(response.status()).isEqualTo(500);
		ReceivedEvent event = onlyEventAfter(response);
		assertThat(event.eventId()).isEqualTo(response.eventId());
		assertThat(event.exceptionTypes()).isEmpty();
		assertThat(event.message()).contains("500", "INTERNAL_ERROR", "GET /outer-send-error");
		assertThat(event.level()).isEqualTo("error");
		assertThat(event.tags()).containsEntry("http_status", "500").containsEntry("request_id", "error-page-2");
		assertThat(event.fingerprint()).containsExactly("status 500", "GET /outer-send-error");
	}

	@Test
	void externalServiceFailureIsReportedOnce() {
		TestHttp.Response response = this.http.get("/api/v1/external", "X-Request-Id", "external-1");

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.error()).isEqualTo("EXTERNAL_SERVICE_ERROR");
		ReceivedEvent event = onlyEventAfter(response);
		assertThat(event.eventId()).isEqualTo(response.eventId());
		assertThat(event.tags()).containsEntry("error_code", "EXTERNAL_SERVICE_ERROR")
			.containsEntry("http_status", "503")
			.containsEntry("request_id", "external-1");
		assertThat(event.transaction()).isEqualTo("GET /api/v1/external");
		assertThat(event.exceptionTypes()).containsExactly("dev.errortracking.exception.ExternalServiceException");
	}

	@Test
	void clientErrorsAreNotReportedButShowAsBreadcrumbsOnTheNextEvent() {
		String marker = UUID.randomUUID().toString();
		List<TestHttp.Response> clientErrors = List.of(
				this.http.send("POST", "/api/v1/posts", "application/json", "{not json"),
				this.http.get("/api/v1/secure/data"),
				this.http.get("/api/v1/admin/data", "Authorization", TestHttp.basic("user", "secret")),
				this.http.get("/api/v1/nothing-here"),
				this.http.send("DELETE", "/api/v1/posts/1", null, null),
				this.http.get("/api/v1/conflict"),
				this.http.upload("/api/v1/upload", 4096),
				this.http.send("POST", "/api/v1/posts", "text/plain", "hello"),
				this.http.send("POST", "/api/v1/posts", "application/json", "{\"title\":\"\"}"),
				this.http.get("/api/v1/denied"));
		assertThat(clientErrors).extracting(TestHttp.Response::status)
			.containsExactly(400, 401, 403, 404, 405, 409, 413, 415, 422, 401);
		assertThat(clientErrors).allSatisfy((response) -> {
			assertThat(response.eventId()).isNull();
			assertThat(response.eventIdHeader()).isNull();
		});

		TestHttp.Response failure = this.http.get("/api/v1/posts/" + marker);

		ReceivedEvent event = onlyEventAfter(failure);
		assertThat(event.eventId()).isEqualTo(failure.eventId());
		List<ReceivedEvent.Breadcrumb> trail = event.breadcrumbs()
			.stream()
			.filter((breadcrumb) -> SentryErrorReporter.BREADCRUMB_CATEGORY.equals(breadcrumb.category()))
			.toList();
		List<Object> statuses = trail.stream().map((breadcrumb) -> breadcrumb.data().get("status_code")).toList();
		assertThat(statuses.subList(Math.max(0, statuses.size() - 10), statuses.size()))
			.containsExactly(400L, 401L, 403L, 404L, 405L, 409L, 413L, 415L, 422L, 401L);
		assertThat(trail).anySatisfy((breadcrumb) -> {
			assertThat(breadcrumb.message()).isEqualTo("GET /api/v1/conflict -> 409 CONFLICT_ERROR");
			assertThat(breadcrumb.data()).containsEntry("route", "/api/v1/conflict")
				.containsEntry("error_code", "CONFLICT_ERROR");
		});
		assertThat(event.json()).doesNotContain("nothing-here");
	}

	@Test
	void concurrentFailuresEachGetTheirOwnEvent() throws Exception {
		int count = 200;
		ExecutorService clients = Executors.newFixedThreadPool(16);
		try {
			List<Future<TestHttp.Response>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String requestId = "concurrent-" + i;
				Callable<TestHttp.Response> call = () -> this.http.get("/api/v1/posts/" + requestId, "X-Request-Id",
						requestId);
				futures.add(clients.submit(call));
			}
			List<TestHttp.Response> responses = new ArrayList<>();
			for (Future<TestHttp.Response> future : futures) {
				responses.add(future.get());
			}

			Map<String, ReceivedEvent> events = this.receiver.awaitEvents(count)
				.stream()
				.collect(Collectors.toMap(ReceivedEvent::eventId, (event) -> event));
			assertThat(events).hasSize(count);
			Set<String> requestIds = new HashSet<>();
			for (TestHttp.Response response : responses) {
				assertThat(response.status()).isEqualTo(500);
				ReceivedEvent event = events.get(response.eventId());
				assertThat(event).as("event of %s", response.requestId()).isNotNull();
				assertThat(event.tag("request_id")).isEqualTo(response.requestId());
				assertThat(requestIdsIn(event.json())).containsOnly(response.requestId());
				requestIds.add(response.requestId());
			}
			assertThat(requestIds).hasSize(count);
			assertThat(onlyEvents()).hasSize(count);
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void attachmentsOfTheRequestsScopeArriveScrubbedAndThoseNoRuleCanReadAreLeftOut() {
		TestHttp.Response response = this.http.get("/api/v1/exports/31", "X-Request-Id", "export-1");

		assertThat(response.status()).isEqualTo(500);
		ReceivedEvent event = onlyEventAfter(response);
		assertThat(this.receiver.attachments()).singleElement().satisfies((attachment) -> {
			assertThat(attachment.eventId()).isEqualTo(event.eventId());
			assertThat(attachment.filename()).isEqualTo("export.log");
			assertThat(attachment.contentType()).isEqualTo("text/plain");
			assertThat(attachment.text()).isEqualTo("export 31 for [Filtered], api_key=[Filtered]");
		});
	}

	private ReceivedEvent onlyEventAfter(TestHttp.Response response) {
		assertThat(response.eventId()).as("eventId of %s", response.body()).isNotNull();
		List<ReceivedEvent> events = onlyEvents();
		assertThat(events).as("events sent for one failure").hasSize(1);
		return events.get(0);
	}

	private List<ReceivedEvent> onlyEvents() {
		String sentinel = "sentinel " + UUID.randomUUID();
		Sentry.captureMessage(sentinel);
		this.receiver.awaitEvent((event) -> sentinel.equals(event.message()));
		return this.receiver.events().stream().filter((event) -> !sentinel.equals(event.message())).toList();
	}

	private static Set<String> requestIdsIn(String json) {
		Set<String> ids = new HashSet<>();
		Matcher matcher = REQUEST_ID.matcher(json);
		while (matcher.find()) {
			ids.add(matcher.group());
		}
		return ids;
	}

}
