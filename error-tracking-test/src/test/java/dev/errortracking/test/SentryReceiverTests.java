package dev.errortracking.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.sentry.Attachment;
import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SentryReceiver} with the real SDK sending over HTTP.
 */
class SentryReceiverTests {

	private final SentryReceiver receiver = SentryReceiver.start();

	@AfterEach
	void close() {
		Sentry.close();
		this.receiver.close();
	}

	@Test
	void decodesAnExceptionEventAsSent() {
		initSentry(Duration.ofSeconds(5));
		Breadcrumb breadcrumb = new Breadcrumb("clicked");
		breadcrumb.setCategory("ui");
		breadcrumb.setData("button", "save");
		Sentry.addBreadcrumb(breadcrumb);
		User user = new User();
		user.setId("42");
		Sentry.setUser(user);
		Sentry.setTag("feature", "receiver");
		SentryId id = Sentry.captureException(new IllegalStateException("boom", new ArithmeticException("zero")));

		ReceivedEvent event = this.receiver.awaitEvents(1).get(0);

		assertThat(event.type()).isEqualTo("event");
		assertThat(event.eventId()).isEqualTo(id.toString()).hasSize(32);
		assertThat(event.tags()).containsEntry("feature", "receiver");
		assertThat(event.tag("feature")).isEqualTo("receiver");
		assertThat(event.exceptionTypes()).containsExactly("java.lang.ArithmeticException",
				"java.lang.IllegalStateException");
		assertThat(event.exceptionValues()).containsExactly("zero", "boom");
		assertThat(event.breadcrumbs()).singleElement().satisfies((crumb) -> {
			assertThat(crumb.category()).isEqualTo("ui");
			assertThat(crumb.message()).isEqualTo("clicked");
			assertThat(crumb.data()).containsEntry("button", "save");
		});
		assertThat(event.user()).containsEntry("id", "42");
		assertThat(event.environment()).isEqualTo("test");
		assertThat(event.contexts()).containsKey("runtime");
		assertThat(event.json()).contains("\"event_id\":\"" + id + "\"");
		assertThat(this.receiver.requestCount()).isEqualTo(1);
	}

	@Test
	void keepsTheAttachmentsOfAnEventWithTheirNamesTypesAndBytes() {
		initSentry(Duration.ofSeconds(5));
		byte[] binary = { 0, (byte) 0xFF, '\n', 42 };
		Hint hint = Hint.withAttachment(new Attachment("caf\u00e9 notes".getBytes(StandardCharsets.UTF_8), "notes.txt",
				"text/plain"));
		hint.addAttachment(new Attachment(binary, "blob.bin", "application/octet-stream"));
		SentryId id = Sentry.captureEvent(new SentryEvent(), hint);

		this.receiver.awaitEvent((received) -> received.eventId().equals(id.toString()));

		assertThat(this.receiver.attachments()).hasSize(2).allSatisfy(
				(attachment) -> assertThat(attachment.eventId()).isEqualTo(id.toString()));
		assertThat(this.receiver.attachments().get(0)).satisfies((attachment) -> {
			assertThat(attachment.filename()).isEqualTo("notes.txt");
			assertThat(attachment.contentType()).isEqualTo("text/plain");
			assertThat(attachment.text()).isEqualTo("caf\u00e9 notes");
		});
		assertThat(this.receiver.attachments().get(1).content()).containsExactly(binary);
		this.receiver.reset();
		assertThat(this.receiver.attachments()).isEmpty();
	}

	@Test
	void decodesAMessageEvent() {
		initSentry(Duration.ofSeconds(5));
		SentryId id = Sentry.captureMessage("disk almost full", SentryLevel.WARNING);

		ReceivedEvent event = this.receiver.awaitEvent((received) -> received.eventId().equals(id.toString()));

		assertThat(event.message()).isEqualTo("disk almost full");
		assertThat(event.level()).isEqualTo("warning");
		assertThat(event.exceptionTypes()).isEmpty();
	}

	@Test
	void awaitFailsWithWhatArrived() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.receiver.awaitEvents(1, Duration.ofMillis(50)))
			.withMessageContaining("received 0 (in 0 envelope requests; discarded as the SDK's client reports say: {})");
	}

	@Test
	void answersWithAStatusWithoutKeepingTheEvent() {
		initSentry(Duration.ofSeconds(5));
		this.receiver.answerWithStatus(500);
		Sentry.captureMessage("lost");
		Sentry.flush(5000);
		assertThat(this.receiver.requestCount()).isEqualTo(1);
		assertThat(this.receiver.events()).isEmpty();
	}

	@Test
	void rateLimitingMakesTheSdkHoldBack() {
		initSentry(Duration.ofSeconds(5));
		this.receiver.rateLimit(Duration.ofSeconds(60));
		Sentry.captureMessage("first");
		Sentry.flush(5000);
		this.receiver.acceptEnvelopes();
		Sentry.captureMessage("second");
		Sentry.flush(5000);
		assertThat(this.receiver.requestCount()).isEqualTo(1);
		assertThat(this.receiver.events()).isEmpty();
	}

	@Test
	void blackHoleAcceptsButNeverAnswers() {
		initSentry(Duration.ofMillis(300));
		this.receiver.blackHole();
		Sentry.captureMessage("swallowed");
		Sentry.flush(2000);
		assertThat(this.receiver.requestCount()).isEqualTo(1);
		assertThat(this.receiver.events()).isEmpty();
		this.receiver.acceptEnvelopes();
		SentryId id = Sentry.captureMessage("delivered");
		assertThat(this.receiver.awaitEvents(1).get(0).eventId()).isEqualTo(id.toString());
	}

	@Test
	void refusedConnectionsNeverReachTheReceiverUntilItListensAgain() {
		initSentry(Duration.ofSeconds(5));
		this.receiver.refuseConnections();
		Sentry.captureMessage("refused");
		Sentry.flush(5000);
		assertThat(this.receiver.requestCount()).isZero();
		this.receiver.acceptEnvelopes();
		SentryId id = Sentry.captureMessage("delivered");
		assertThat(this.receiver.awaitEvents(1).get(0).eventId()).isEqualTo(id.toString());
	}

	@Test
	void slowAnswersStillKeepTheEvent() {
		initSentry(Duration.ofSeconds(5));
		this.receiver.answerSlowly(Duration.ofMillis(200));
		SentryId id = Sentry.captureMessage("slow");
		assertThat(this.receiver.awaitEvents(1).get(0).eventId()).isEqualTo(id.toString());
	}

	@Test
	void resetForgetsEverything() {
		initSentry(Duration.ofSeconds(5));
		Sentry.captureMessage("old");
		this.receiver.awaitEvents(1);
		this.receiver.reset();
		assertThat(this.receiver.events()).isEmpty();
		assertThat(this.receiver.requestCount()).isZero();
	}

	@Test
	void otherPathsAreNotFound() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.receiver.port() + "/x")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.receiver.requestCount()).isZero();
	}

	@Test
	void decodedEventsExposeTheirTopLevelMembers() {
		ReceivedEvent event = new ReceivedEvent("event",
				"{\"event_id\":\"abc\",\"transaction\":\"GET /x/{id}\",\"fingerprint\":[\"a\",\"b\"],"
						+ "\"release\":\"app@1\",\"request\":{\"method\":\"GET\"},\"logger\":\"l\",\"extra\":{\"n\":1}}");
		assertThat(event.transaction()).isEqualTo("GET /x/{id}");
		assertThat(event.fingerprint()).containsExactly("a", "b");
		assertThat(event.release()).isEqualTo("app@1");
		assertThat(event.request()).containsEntry("method", "GET");
		assertThat(event.logger()).isEqualTo("l");
		assertThat(event.get("extra")).isEqualTo(Map.of("n", 1L));
		assertThat(event.tags()).isEmpty();
		assertThat(event.breadcrumbs()).isEmpty();
		assertThat(event.toString()).contains("abc", "GET /x/{id}");
	}

	private void initSentry(Duration readTimeout) {
		Sentry.init((options) -> {
			options.setDsn(this.receiver.dsn());
			options.setEnvironment("test");
			options.setReadTimeoutMillis((int) readTimeout.toMillis());
			options.setShutdownTimeoutMillis(1000);
			options.setFlushTimeoutMillis(1000);
		});
	}

}
