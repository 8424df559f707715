package dev.errortracking.sample.post;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.errortracking.sample.SampleAppTest;
import dev.errortracking.sample.SampleHttpClient;
import dev.errortracking.sample.SampleHttpClient.Response;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.errortracking.sample.ErrorBodyAssertions.assertErrorBody;
import static dev.errortracking.sample.post.PostFixtures.POSTS;
import static dev.errortracking.sample.post.PostFixtures.create;
import static dev.errortracking.sample.post.PostFixtures.newPost;
import static dev.errortracking.sample.post.PostFixtures.uniqueTitle;
import static dev.errortracking.sample.post.PostFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every endpoint and status of the posts API over real HTTP on the default in-memory database.
 */
@SampleAppTest
class PostApiTests {

	private static final List<String> POST_MEMBERS = List.of("id", "title", "content", "authorEmail", "version",
			"createdAt");

	@LocalServerPort
	private int port;

	private SampleHttpClient http;

	@BeforeEach
	void setUp() {
		this.http = new SampleHttpClient(this.port);
	}

	@Test
	void createAnswers201WithLocationAndThePost() {
		String title = uniqueTitle("Create");
		Response response = this.http.post(POSTS, newPost(title));

		assertThat(response.status()).isEqualTo(201);
		JsonNode post = response.json();
		assertPostShape(post);
		assertThat(post.get("title").asText()).isEqualTo(title);
		assertThat(post.get("content").asText()).isEqualTo("Some content");
		assertThat(post.get("authorEmail").asText()).isEqualTo("author@example.com");
		assertThat(post.get("version").asLong()).isZero();
		assertThat(Instant.parse(post.get("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
		assertThat(response.header("Location")).endsWith(POSTS + "/" + post.get("id").asLong());
	}

	@Test
	void getAnswers200WithThePost() {
		JsonNode created = create(this.http, uniqueTitle("Get"));

		Response response = this.http.get(POSTS + "/" + created.get("id").asLong());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertPostShape(response.json());
		assertThat(response.json()).isEqualTo(created);
	}

	@Test
	void getOfAMissingPostIsNotFoundWithThePostId() {
		Response response = this.http.get(POSTS + "/987654321");

		JsonNode body = assertErrorBody(response, 404, "NOT_FOUND");
		assertThat(body.get("message").asText()).isEqualTo("Post 987654321 not found");
		assertThat(body.get("details")).hasSize(1);
		assertThat(body.get("details").get("post_id").asLong()).isEqualTo(987654321L);
	}

	@Test
	void getWithAnIdThatIsNotANumberIsABadRequestThatDoesNotEchoIt() {
		Response response = this.http.get(POSTS + "/not-a-number");

		JsonNode body = assertErrorBody(response, 400, "BAD_REQUEST", "not-a-number");
		assertThat(body.get("details").get("parameter").asText()).isEqualTo("id");
	}

	@Test
	void listAnswersAPageOfPosts() {
		for (int i = 0; i < 3; i++) {
			create(this.http, uniqueTitle("List"));
		}

		Response response = this.http.get(POSTS + "?page=0&size=2");

		assertThat(response.status()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.get("content")).hasSize(2);
		page.get("content").forEach(PostApiTests::assertPostShape);
		assertThat(page.get("page").get("size").asInt()).isEqualTo(2);
		assertThat(page.get("page").get("number").asInt()).isZero();
		assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(page.get("page").get("totalPages").asInt()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void listWithAnOutOfRangePageOrSizeIsAValidationError() {
		assertThat(fieldErrors(assertErrorBody(this.http.get(POSTS + "?size=0"), 422, "VALIDATION_ERROR")))
			.containsExactly(tuple("size", "Min"));
		assertThat(fieldErrors(assertErrorBody(this.http.get(POSTS + "?size=101"), 422, "VALIDATION_ERROR")))
			.containsExactly(tuple("size", "Max"));
		assertThat(fieldErrors(assertErrorBody(this.http.get(POSTS + "?page=-1"), 422, "VALIDATION_ERROR")))
			.containsExactly(tuple("page", "Min"));
	}

	@Test
	void listWithAPageThatIsNotANumberIsABadRequest() {
		JsonNode body = assertErrorBody(this.http.get(POSTS + "?page=first"), 400, "BAD_REQUEST", "first");
		assertThat(body.get("details").get("parameter").asText()).isEqualTo("page");
	}

	@Test
	void createWithInvalidFieldsIsAValidationErrorPerFieldWithoutTheValues() {
		String tooLong = "too long ".repeat(600);
		Map<String, Object> post = newPost(" ");
		post.put("content", tooLong);
		post.put("authorEmail", "alice-at-example");

		Response response = this.http.post(POSTS, post);

		JsonNode body = assertErrorBody(response, 422, "VALIDATION_ERROR", "alice-at-example", "too long");
		assertThat(body.get("message").asText()).isEqualTo("Validation failed");
		assertThat(fieldErrors(body)).containsExactlyInAnyOrder(tuple("title", "NotBlank"),
				tuple("content", "Size"), tuple("authorEmail", "Email"));
		body.get("details").get("errors").forEach((error) -> assertThat(error.get("message").asText()).isNotBlank());
	}

	@Test
	void createWithoutFieldsIsAValidationError() {
		JsonNode body = assertErrorBody(this.http.post(POSTS, Map.of()), 422, "VALIDATION_ERROR");

		assertThat(fieldErrors(body)).containsExactlyInAnyOrder(tuple("title", "NotBlank"),
				tuple("content", "NotBlank"), tuple("authorEmail", "NotBlank"));
	}

	@Test
	void createWithMalformedJsonIsABadRequest() {
		Response response = this.http.post(POSTS, "{\"title\": \"Unclosed");

		JsonNode body = assertErrorBody(response, 400, "BAD_REQUEST", "Unclosed");
		assertThat(body.get("message").asText()).isEqualTo("The request body is not valid JSON");
	}

	@Test
	void createWithAFieldOfTheWrongJsonTypeIsABadRequestNamingTheField() {
		Map<String, Object> post = newPost("ignored");
		post.put("title", Map.of("nested", "wrong-type-value"));

		JsonNode body = assertErrorBody(this.http.post(POSTS, post), 400, "BAD_REQUEST", "wrong-type-value");

		assertThat(body.get("details").get("field").asText()).isEqualTo("title");
	}

	@Test
	void createWithAnotherContentTypeIsUnsupported() {
		Response response = this.http.send(this.http.request(POSTS)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("title=x")));

		assertErrorBody(response, 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void batchCreatesEveryPost() {
		String first = uniqueTitle("Batch one");
		String second = uniqueTitle("Batch two");

		Response response = this.http.post(POSTS + "/batch", Map.of("posts", List.of(newPost(first), newPost(second))));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json()).hasSize(2);
		response.json().forEach(PostApiTests::assertPostShape);
		assertThat(response.json().get(0).get("title").asText()).isEqualTo(first);
		assertThat(response.json().get(1).get("title").asText()).isEqualTo(second);
	}

	@Test
	void batchWithAnInvalidPostIsAValidationErrorNamingItsIndex() {
		Map<String, Object> invalid = newPost("");

		Response response = this.http.post(POSTS + "/batch",
				Map.of("posts", List.of(newPost(uniqueTitle("Batch valid")), invalid)));

		assertThat(fieldErrors(assertErrorBody(response, 422, "VALIDATION_ERROR")))
			.containsExactly(tuple("posts[1].title", "NotBlank"));
	}

	@Test
	void batchWithoutPostsIsAValidationError() {
		Response response = this.http.post(POSTS + "/batch", Map.of("posts", List.of()));

		assertThat(fieldErrors(assertErrorBody(response, 422, "VALIDATION_ERROR")))
			.containsExactly(tuple("posts", "NotEmpty"));
	}

	@Test
	void updateAnswers200WithTheNextVersion() {
		JsonNode created = create(this.http, uniqueTitle("Update"));
		long id = created.get("id").asLong();
		String title = uniqueTitle("Updated");

		Response response = this.http.put(POSTS + "/" + id, update(title, "New content", 0));

		assertThat(response.status()).isEqualTo(200);
		JsonNode post = response.json();
		assertPostShape(post);
		assertThat(post.get("id").asLong()).isEqualTo(id);
		assertThat(post.get("title").asText()).isEqualTo(title);
		assertThat(post.get("content").asText()).isEqualTo("New content");
		assertThat(post.get("version").asLong()).isEqualTo(1);
		assertThat(post.get("createdAt")).isEqualTo(created.get("createdAt"));
		assertThat(this.http.get(POSTS + "/" + id).json()).isEqualTo(post);
	}

	@Test
	void updateOfAMissingPostIsNotFound() {
		Response response = this.http.put(POSTS + "/987654322", update(uniqueTitle("Missing"), "x", 0));

		JsonNode body = assertErrorBody(response, 404, "NOT_FOUND");
		assertThat(body.get("details").get("post_id").asLong()).isEqualTo(987654322L);
	}

	@Test
	void updateWithoutAVersionIsAValidationError() {
		JsonNode created = create(this.http, uniqueTitle("No version"));
		Map<String, Object> body = newPost(created.get("title").asText());

		Response response = this.http.put(POSTS + "/" + created.get("id").asLong(), body);

		assertThat(fieldErrors(assertErrorBody(response, 422, "VALIDATION_ERROR")))
			.containsExactly(tuple("version", "NotNull"));
	}

	@Test
	void deleteWithoutCredentialsIsUnauthenticatedAndAsksForBasic() {
		JsonNode created = create(this.http, uniqueTitle("Delete anonymous"));

		Response response = this.http.delete(POSTS + "/" + created.get("id").asLong());

		JsonNode body = assertErrorBody(response, 401, "AUTHENTICATION_ERROR");
		assertThat(body.get("details")).isEmpty();
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"error-tracking-sample\"");
		assertThat(this.http.get(POSTS + "/" + created.get("id").asLong()).status()).isEqualTo(200);
	}

	@Test
	void deleteWithAWrongPasswordIsUnauthenticated() {
		JsonNode created = create(this.http, uniqueTitle("Delete wrong password"));

		Response response = this.http.delete(POSTS + "/" + created.get("id").asLong(), "admin", "not-the-password");

		assertErrorBody(response, 401, "AUTHENTICATION_ERROR", "not-the-password");
		assertThat(this.http.get(POSTS + "/" + created.get("id").asLong()).status()).isEqualTo(200);
	}

	@Test
	void deleteByAUserWithoutTheAdminRoleIsForbidden() {
		JsonNode created = create(this.http, uniqueTitle("Delete reader"));

		Response response = this.http.delete(POSTS + "/" + created.get("id").asLong(), "reader", "reader-password");

		JsonNode body = assertErrorBody(response, 403, "AUTHORIZATION_ERROR", "reader-password");
		assertThat(body.get("details")).isEmpty();
		assertThat(this.http.get(POSTS + "/" + created.get("id").asLong()).status()).isEqualTo(200);
	}

	@Test
	void deleteByAnAdminAnswers204AndThePostIsGone() {
		JsonNode created = create(this.http, uniqueTitle("Delete admin"));
		String path = POSTS + "/" + created.get("id").asLong();

		Response response = this.http.delete(path, "admin", "admin-password");

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertErrorBody(this.http.get(path), 404, "NOT_FOUND");
	}

	@Test
	void deleteOfAMissingPostByAnAdminIsNotFound() {
		Response response = this.http.delete(POSTS + "/987654323", "admin", "admin-password");

		JsonNode body = assertErrorBody(response, 404, "NOT_FOUND");
		assertThat(body.get("details").get("post_id").asLong()).isEqualTo(987654323L);
	}

	@Test
	void anUnknownRouteIsNotFound() {
		assertErrorBody(this.http.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
	}

	@Test
	void anUnsupportedMethodIsNotAllowedAndListsTheAllowedOnes() {
		Response response = this.http.send(SampleHttpClient.json(this.http.request(POSTS + "/1"), "PATCH", Map.of()));

		assertErrorBody(response, 405, "METHOD_NOT_ALLOWED");
		assertThat(response.header("Allow")).contains("GET", "PUT", "DELETE");
	}

	@Test
	void aValidIncomingRequestIdIsKeptInTheErrorBody() {
		Response response = this.http.send(this.http.request(POSTS + "/987654324").header("X-Request-Id", "trace-42"));

		assertThat(assertErrorBody(response, 404, "NOT_FOUND").get("requestId").asText()).isEqualTo("trace-42");
	}

	static void assertPostShape(JsonNode post) {
		List<String> names = new ArrayList<>();
		post.fieldNames().forEachRemaining(names::add);
		assertThat(names).containsExactlyElementsOf(POST_MEMBERS);
		assertThat(post.get("id").isIntegralNumber()).isTrue();
		assertThat(post.get("version").isIntegralNumber()).isTrue();
		assertThat(post.get("createdAt").isTextual()).isTrue();
	}

	static List<Tuple> fieldErrors(JsonNode body) {
		List<Tuple> errors = new ArrayList<>();
		body.get("details").get("errors").forEach((error) -> {
			assertThat(error.get("message").asText()).isNotBlank();
			errors.add(tuple(error.get("field").asText(), error.get("type").asText()));
		});
		return errors;
	}

}
