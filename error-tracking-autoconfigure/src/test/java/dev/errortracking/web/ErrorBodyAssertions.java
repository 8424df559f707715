package dev.errortracking.web;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.errortracking.web.app.TestHttp.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on the standard error body shared by the end-to-end tests.
 */
final class ErrorBodyAssertions {

	private static final List<String> INTERNALS = List.of("Exception", "exception", "at dev.", "at org.", "java.",
			"org.springframework", "jakarta.", "SQL", "insert into", "uk_post_title", "Key (", "hunter2", "password",
			"10.0.0.7", "db-7.internal", "jdbc:", "stack", "trace");

	private ErrorBodyAssertions() {
	}

	static JsonNode assertErrorBody(Reply reply, int status, String code) {
		assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/json");
		JsonNode body = reply.json();
		assertThat(body.get("error").asText()).isEqualTo(code);
		assertThat(body.get("message").isTextual()).isTrue();
		assertThat(body.get("message").asText()).isNotBlank();
		assertThat(body.get("details").isObject()).as("details is an object").isTrue();
		assertThat(body.get("requestId").asText()).isNotBlank().isEqualTo(reply.header("X-Request-Id"));
		assertThat(body.has("eventId")).isFalse();
		assertNoInternals(reply);
		return body;
	}

	static void assertNoInternals(Reply reply) {
		for (String internal : INTERNALS) {
			assertThat(reply.body()).as("body must not contain '%s'", internal).doesNotContain(internal);
		}
	}

}
