package dev.errortracking.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.errortracking.web.app.ErrorBodyTestApplication;
import dev.errortracking.web.app.TestHttp;
import dev.errortracking.web.app.TestHttp.Reply;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RFC 9457 {@code application/problem+json} format, over real HTTP.
 */
@SpringBootTest(classes = ErrorBodyTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "error-tracking.response.format=problem-details",
				"error-tracking.response.problem-type-base=https://errors.example.com/problems/",
				"spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration" })
class ProblemDetailsEndToEndTests {

	@LocalServerPort
	int port;

	@Test
	void domainExceptionIsAProblemWithTheLibraryMembers() {
		Reply reply = new TestHttp(this.port).get("/domain/not-found/42", "Accept", "text/html");
		JsonNode body = assertProblem(reply, 404, "NOT_FOUND");
		assertThat(body.get("type").asText()).isEqualTo("https://errors.example.com/problems/not-found");
		assertThat(body.get("title").asText()).isEqualTo("Not Found");
		assertThat(body.get("detail").asText()).isEqualTo("Post 42 not found");
		assertThat(body.get("details").get("post_id").asInt()).isEqualTo(42);
	}

	@Test
	void securityRejectionIsAProblemToo() {
		JsonNode body = assertProblem(new TestHttp(this.port).get("/secure/hello"), 401, "AUTHENTICATION_ERROR");
		assertThat(body.get("type").asText()).isEqualTo("https://errors.example.com/problems/authentication-error");
	}

	@Test
	void serverErrorIsAProblemWithGenericDetail() {
		Reply reply = new TestHttp(this.port).get("/boom");
		JsonNode body = assertProblem(reply, 500, "INTERNAL_ERROR");
		assertThat(body.get("detail").asText()).isEqualTo("An unexpected error occurred");
		ErrorBodyAssertions.assertNoInternals(reply);
	}

	private static JsonNode assertProblem(Reply reply, int status, String code) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		JsonNode body = reply.json();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("error").asText()).isEqualTo(code);
		assertThat(body.get("details").isObject()).isTrue();
		assertThat(body.get("requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
		assertThat(body.get("instance").asText()).isEqualTo("urn:request:" + reply.header("X-Request-Id"));
		return body;
	}

}
