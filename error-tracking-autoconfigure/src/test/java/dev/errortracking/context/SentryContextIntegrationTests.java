package dev.errortracking.context;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.errortracking.context.app.ContextTestApplication;
import dev.errortracking.context.app.TestClient;
import dev.errortracking.logging.LoggingSystemReset;
import dev.errortracking.privacy.PrivacyScrubber;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request context on events that the real Sentry SDK sends to a local listener, with tracing on and the
 * username and IP address opted in.
 */
@ExtendWith(OutputCaptureExtension.class)
class SentryContextIntegrationTests {

	private static SentryEnvelopeListener sentry;

	private static ConfigurableApplicationContext context;

	private static TestClient client;

	@BeforeAll
	static void start() throws Exception {
		LoggingSystemReset.reset();
		sentry = new SentryEnvelopeListener();
		context = new SpringApplicationBuilder(ContextTestApplication.class).profiles("prod")
			.run("--server.port=0", "--sentry.dsn=" + sentry.dsn(), "--sentry.traces-sample-rate=1.0",
					"--sentry.logging.enabled=true", "--sentry.logging.minimum-event-level=error",
					"--error-tracking.user.include-username=true", "--error-tracking.user.include-ip-address=true");
		client = new TestClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		context.close();
		sentry.close();
		LoggingSystemReset.reset();
	}

	@Test
	@SuppressWarnings("unchecked")
	void eventOfAFailingRequestCarriesItsContextAndTheTraceOfItsLogLines(CapturedOutput output) throws Exception {
		HttpResponse<String> response = client.send(client.get("/orders/21?fail=500", "alice", "X-Request-Id",
				"sentry-500"));
		assertThat(response.statusCode()).isEqualTo(500);
		Map<String, Object> event = sentry.awaitEventOf("sentry-500");
		assertThat((Map<String, Object>) event.get("tags")).containsEntry("http_route", "/orders/{id}")
			.containsEntry("http_method", "GET");
		assertThat((Map<String, Object>) event.get("user")).containsEntry("id", context.getBean(PrivacyScrubber.class).pseudonym("alice"))
			.containsEntry("username", "alice")
			.containsEntry("ip_address", "127.0.0.1")
			.doesNotContainKey("email");
		String eventTraceId = (String) ((Map<String, Object>) ((Map<String, Object>) event.get("contexts"))
			.get("trace")).get("trace_id");
		List<Map<String, Object>> lines = TestClient.jsonLines(output.getOut())
			.stream()
			.filter((line) -> "sentry-500".equals(line.get("request_id")))
			.toList();
		assertThat(lines).isNotEmpty().allSatisfy((line) -> assertThat(line).containsEntry("trace_id", eventTraceId));
	}

	@Test
	@SuppressWarnings("unchecked")
	void eventOfAnAsyncTaskCarriesTheContextAndScopeOfItsRequest() throws Exception {
		HttpResponse<String> response = client.send(client.get("/orders/async-fail-1", "alice", "X-Request-Id",
				"sentry-async"));
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> event = sentry.awaitEventOf("sentry-async");
		assertThat((Map<String, Object>) event.get("tags")).containsEntry("http_route", "/orders/{id}");
		assertThat((Map<String, Object>) event.get("user")).containsEntry("id", context.getBean(PrivacyScrubber.class).pseudonym("alice"))
			.containsEntry("username", "alice");
	}

}
