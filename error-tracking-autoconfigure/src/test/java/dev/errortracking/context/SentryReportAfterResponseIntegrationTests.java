package dev.errortracking.context;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

import dev.errortracking.context.app.ContextTestApplication;
import dev.errortracking.context.app.TestClient;
import dev.errortracking.logging.LoggingSystemReset;
import dev.errortracking.privacy.PrivacyScrubber;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events built after the response has been sent ({@code error-tracking.sentry.report-after-response=true}), sent
 * by the real Sentry SDK to a local listener: the client has its answer while the event is still being built, and
 * the event still carries the context of its request and the id the client was given, and the SDK's callbacks see the
 * request's MDC and request attributes.
 */
@ExtendWith(OutputCaptureExtension.class)
class SentryReportAfterResponseIntegrationTests {

	private static final String GATED = "after-response-gated";

	private static final Gate gate = new Gate();

	private static SentryEnvelopeListener sentry;

	private static ConfigurableApplicationContext context;

	private static TestClient client;

	@BeforeAll
	static void start() throws Exception {
		LoggingSystemReset.reset();
		sentry = new SentryEnvelopeListener();
		context = new SpringApplicationBuilder(ContextTestApplication.class).profiles("prod")
			.initializers((applicationContext) -> applicationContext.getBeanFactory()
				.registerSingleton("gatingEventProcessor", gate))
			.run("--server.port=0", "--sentry.dsn=" + sentry.dsn(), "--sentry.traces-sample-rate=1.0",
					"--error-tracking.sentry.report-after-response=true",
					"--error-tracking.user.include-username=true", "--error-tracking.user.include-ip-address=true");
		client = new TestClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		gate.release.countDown();
		context.close();
		sentry.close();
		LoggingSystemReset.reset();
	}

	@Test
	void clientHasItsAnswerWhileTheEventIsStillBeingBuilt() throws Exception {
		HttpResponse<String> response = client.sendAsync(client.get("/orders/22?fail=500", "alice", "X-Request-Id",
				GATED))
			.get(15, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(500);
		String eventId = (String) TestClient.json(response).get("eventId");
		assertThat(eventId).matches("[0-9a-f]{32}");
		assertThat(response.headers().firstValue("X-Event-Id")).hasValue(eventId);
		assertThat(gate.entered.await(15, TimeUnit.SECONDS)).isTrue();
		assertThat(sentry.eventsOf(GATED)).isEmpty();
		gate.release.countDown();
		Map<String, Object> event = sentry.awaitEventOf(GATED);
		assertThat(event).containsEntry("event_id", eventId);
		Thread.sleep(300);
		assertThat(sentry.eventsOf(GATED)).hasSize(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void eventBuiltAfterTheResponseCarriesTheContextOfItsRequest(CapturedOutput output) throws Exception {
		HttpResponse<String> response = client.send(client.get("/orders/21?fail=500", "alice", "X-Request-Id",
				"after-response-500"));
		assertThat(response.statusCode()).isEqualTo(500);
		Map<String, Object> event = sentry.awaitEventOf("after-response-500");
		assertThat(event).containsEntry("event_id", TestClient.json(response).get("eventId"));
		assertThat((Map<String, Object>) event.get("tags")).containsEntry("http_route", "/orders/{id}")
			.containsEntry("http_method", "GET")
			.containsEntry("http_status", "500");
		assertThat((Map<String, Object>) event.get("user"))
			.containsEntry("id", context.getBean(PrivacyScrubber.class).pseudonym("alice"))
			.containsEntry("username", "alice")
			.containsEntry("ip_address", "127.0.0.1");
		Map<String, Object> request = (Map<String, Object>) event.get("request");
		assertThat(request).containsEntry("method", "GET");
		assertThat((String) request.get("url")).endsWith("/orders/21");
		String eventTraceId = (String) ((Map<String, Object>) ((Map<String, Object>) event.get("contexts"))
			.get("trace")).get("trace_id");
		List<Map<String, Object>> lines = TestClient.jsonLines(output.getOut())
			.stream()
			.filter((line) -> "after-response-500".equals(line.get("request_id")))
			.toList();
		assertThat(lines).isNotEmpty().allSatisfy((line) -> assertThat(line).containsEntry("trace_id", eventTraceId));
		assertThat(gate.seen).containsEntry("after-response-500 user_id", "alice")
			.containsEntry("after-response-500 request", "/orders/21 alice");
		assertThat(lines).filteredOn((line) -> "ERROR".equals(line.get("level")))
			.singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("sentry_event_id", event.get("event_id")));
	}

	/** Holds the event of the gated request until the test lets it through. */
	static final class Gate implements EventProcessor {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final Map<String, String> seen = new ConcurrentHashMap<>();

		@Override
		public SentryEvent process(SentryEvent event, Hint hint) {
			String requestId = event.getTag("request_id");
			if (requestId != null) {
				this.seen.put(requestId + " user_id", String.valueOf(MDC.get(MdcKeys.USER_ID)));
				this.seen.put(requestId + " request", (RequestContextHolder
					.getRequestAttributes() instanceof ServletRequestAttributes attributes)
							? attributes.getRequest().getRequestURI() + " " + userOf(attributes) : "none");
			}
			if (GATED.equals(requestId)) {
				this.entered.countDown();
				try {
					this.release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return event;
		}

		private static String userOf(RequestAttributes attributes) {
			return (attributes.getAttribute(RequestUser.ATTRIBUTE,
					RequestAttributes.SCOPE_REQUEST) instanceof RequestUser user) ? user.id() : "no user";
		}

	}

}
