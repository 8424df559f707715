package dev.errortracking.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on the library's error body: status, content type, exact shape, request id, and no internals.
 */
public final class ErrorBodyAssertions {

	/** The members of the standard body when nothing was reported. */
	public static final Set<String> STANDARD_MEMBERS = Set.of("error", "message", "details", "requestId");

	/** The members of the standard body of a reported server error. */
	public static final Set<String> REPORTED_MEMBERS = Set.of("error", "message", "details", "requestId", "eventId");

	private static final List<String> INTERNALS = List.of("exception", "\tat ", "java.", "jakarta.", "org.",
			"dev.errortracking", "hibernate", "jdbc", "sql", "insert into", "update posts", "posts(", "uk_posts_title",
			"23505", "127.0.0.1", "stacktrace");

	private ErrorBodyAssertions() {
	}

	/**
	 * Assert that {@code response} is the standard error body with {@code status} and {@code code}, no event id,
	 * none of the library's or the app's internals and none of the {@code secrets}.
	 * @return the body, for further assertions on {@code message} and {@code details}
	 */
	public static JsonNode assertErrorBody(SampleHttpClient.Response response, int status, String code,
			String... secrets) {
		return assertErrorBody(response, status, code, STANDARD_MEMBERS, secrets);
	}

	/** Like {@link #assertErrorBody(SampleHttpClient.Response, int, String, String...)} with the given members. */
	public static JsonNode assertErrorBody(SampleHttpClient.Response response, int status, String code,
			Set<String> members, String... secrets) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(status);
		String contentType = response.header("Content-Type");
		assertThat(contentType).as("content type of %s", response).isNotNull();
		assertThat(MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON))
			.as("content type %s is JSON", contentType)
			.isTrue();
		JsonNode body = response.json();
		assertThat(body.isObject()).as("body %s is an object", body).isTrue();
		List<String> names = new ArrayList<>();
		body.fieldNames().forEachRemaining(names::add);
		assertThat(names).as("members of %s", body).containsExactlyInAnyOrderElementsOf(members);
		assertThat(body.get("error").asText()).isEqualTo(code);
		assertThat(body.get("message").isTextual()).isTrue();
		assertThat(body.get("message").asText()).isNotBlank();
		assertThat(body.get("details").isObject()).as("details of %s", body).isTrue();
		assertThat(body.get("requestId").asText()).isNotBlank().isEqualTo(response.header("X-Request-Id"));
		assertNoInternals(response.body(), secrets);
		return body;
	}

	/** Assert that {@code text} names no exception, class, SQL, constraint or address, and none of {@code secrets}. */
	public static void assertNoInternals(String text, String... secrets) {
		String lower = text.toLowerCase(Locale.ROOT);
		for (String internal : INTERNALS) {
			assertThat(lower).as("body leaks '%s'", internal).doesNotContain(internal);
		}
		for (String secret : secrets) {
			assertThat(text).as("body echoes a value the client sent or an internal value").doesNotContain(secret);
		}
	}

}
