package dev.errortracking.sample;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.errortracking.test.ReceivedEvent;
import dev.errortracking.test.SentryReceiver;
import dev.errortracking.test.WithSentryReceiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static dev.errortracking.sample.ErrorBodyAssertions.REPORTED_MEMBERS;
import static dev.errortracking.sample.ErrorBodyAssertions.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a DSN pointing at a local receiver, the sample app's server errors arrive as events carrying the id the
 * client got, and its client errors do not.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@WithSentryReceiver
@DirtiesContext
class SentryReportingTests {

	@Autowired
	SentryReceiver receiver;

	@LocalServerPort
	int port;

	@Test
	void serverErrorsArriveWithTheClientsEventIdAndClientErrorsDoNot() {
		SampleHttpClient client = new SampleHttpClient(this.port);
		assertErrorBody(client.get("/api/v1/posts/987654"), 404, "NOT_FOUND");
		assertErrorBody(client.post("/api/v1/posts", Map.of("title", "", "content", "x", "authorEmail", "nope")), 422,
				"VALIDATION_ERROR");
		assertErrorBody(client.delete("/api/v1/posts/1"), 401, "AUTHENTICATION_ERROR");

		JsonNode debug = assertErrorBody(client.get("/sentry-debug"), 500, "INTERNAL_ERROR", REPORTED_MEMBERS);
		JsonNode external = assertErrorBody(client.get("/api/v1/external/1"), 503, "EXTERNAL_SERVICE_ERROR",
				REPORTED_MEMBERS);

		List<ReceivedEvent> events = this.receiver.awaitEvents(2);
		assertThat(events).extracting(ReceivedEvent::eventId)
			.containsExactly(debug.get("eventId").asText(), external.get("eventId").asText());
		assertThat(events.get(0).tag("error_code")).isEqualTo("INTERNAL_ERROR");
		assertThat(events.get(0).transaction()).isEqualTo("GET /sentry-debug");
		assertThat(events.get(1).tag("error_code")).isEqualTo("EXTERNAL_SERVICE_ERROR");
		assertThat(events.get(1).tag("http_status")).isEqualTo("503");
		assertThat(events.get(0).breadcrumbs()).extracting(ReceivedEvent.Breadcrumb::message)
			.anySatisfy((message) -> assertThat(message).contains("404"))
			.anySatisfy((message) -> assertThat(message).contains("422"))
			.anySatisfy((message) -> assertThat(message).contains("401"));
		assertThat(this.receiver.events()).as("only the two server errors are events").hasSize(2);
	}

}
