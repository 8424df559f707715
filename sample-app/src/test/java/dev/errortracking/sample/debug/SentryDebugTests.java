package dev.errortracking.sample.debug;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.errortracking.sample.SampleAppTest;
import dev.errortracking.sample.SampleHttpClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.errortracking.sample.ErrorBodyAssertions.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deliberate failures of {@code /sentry-debug}: a generic 500 that reveals neither the exception nor the payload
 * that its message quotes.
 */
@SampleAppTest
class SentryDebugTests {

	@LocalServerPort
	private int port;

	private SampleHttpClient http;

	@BeforeEach
	void setUp() {
		this.http = new SampleHttpClient(this.port);
	}

	@Test
	void getIsAGenericInternalError() {
		JsonNode body = assertErrorBody(this.http.get("/sentry-debug"), 500, "INTERNAL_ERROR", "Deliberate");

		assertThat(body.get("message").asText()).isEqualTo("An unexpected error occurred");
		assertThat(body.get("details")).isEmpty();
	}

	@Test
	void postIsAGenericInternalErrorThatDoesNotEchoThePayload() {
		Map<String, Object> payload = Map.of("email", "alice@example.com", "password", "hunter2",
				"card", Map.of("number", "4111 1111 1111 1111"));

		JsonNode body = assertErrorBody(this.http.post("/sentry-debug", payload), 500, "INTERNAL_ERROR",
				"alice@example.com", "hunter2", "4111", "payload");

		assertThat(body.get("message").asText()).isEqualTo("An unexpected error occurred");
		assertThat(body.get("details")).isEmpty();
	}

	@Test
	void postOfSomethingOtherThanAJsonObjectIsABadRequest() {
		assertErrorBody(this.http.post("/sentry-debug", List.of("alice@example.com")), 400, "BAD_REQUEST",
				"alice@example.com");
		assertErrorBody(this.http.post("/sentry-debug", "{\"email\": "), 400, "BAD_REQUEST");
	}

}
