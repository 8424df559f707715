package dev.errortracking.web;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.errortracking.web.app.ErrorBodyTestApplication;
import dev.errortracking.web.app.TestHttp;
import dev.errortracking.web.app.TestHttp.Reply;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.errortracking.web.ErrorBodyAssertions.assertErrorBody;
import static dev.errortracking.web.ErrorBodyAssertions.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the error table and every entry point, over real HTTP against an embedded server.
 */
@SpringBootTest(classes = ErrorBodyTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=2KB",
				"spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
				"error-tracking.exceptions[java.lang.UnsupportedOperationException].status=501" })
@ExtendWith(OutputCaptureExtension.class)
class ErrorBodyEndToEndTests {

	@LocalServerPort
	int port;

	TestHttp http;

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
	}

	@Test
	void successfulRequestCarriesRequestIdHeader() {
		Reply reply = this.http.get("/ok");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void notFoundDomainExceptionShowsItsMessageAndDetails() {
		JsonNode body = assertErrorBody(this.http.get("/domain/not-found/42"), 404, "NOT_FOUND");
		assertThat(body.get("message").asText()).isEqualTo("Post 42 not found");
		assertThat(body.get("details").get("post_id").asLong()).isEqualTo(42);
	}

	@Test
	void eachDomainExceptionHasItsStatusAndCode() {
		assertErrorBody(this.http.get("/domain/validation"), 422, "VALIDATION_ERROR");
		assertErrorBody(this.http.get("/domain/unauthenticated"), 401, "AUTHENTICATION_ERROR");
		assertErrorBody(this.http.get("/domain/forbidden"), 403, "AUTHORIZATION_ERROR");
		JsonNode conflict = assertErrorBody(this.http.get("/domain/conflict"), 409, "CONFLICT_ERROR");
		assertThat(conflict.get("message").asText()).isEqualTo("Post is already published");
		assertThat(conflict.get("details").get("state").asText()).isEqualTo("published");
	}

	@Test
	void externalServiceFailureIsA503WithGenericMessageAndService() {
		Reply reply = this.http.get("/domain/external");
		JsonNode body = assertErrorBody(reply, 503, "EXTERNAL_SERVICE_ERROR");
		assertThat(body.get("details").get("service").asText()).isEqualTo("payments");
		assertThat(reply.body()).doesNotContain("answered 502")
			.doesNotContain("account 4111")
			.doesNotContain("upstream said no");
	}

	@Test
	void invalidJsonBodyIsA422WithJsonFieldNamesAndNoValues() {
		Reply reply = this.http.send("POST", "/validate/body",
				"{\"title\":\" \",\"content\":\"far too long content\",\"author_email\":\"not-an-email\"}",
				"Content-Type", "application/json");
		JsonNode body = assertErrorBody(reply, 422, "VALIDATION_ERROR");
		JsonNode errors = body.get("details").get("errors");
		assertThat(errors).hasSize(3);
		assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("title", "content", "author_email");
		assertThat(errors.findValuesAsText("type")).containsExactlyInAnyOrder("NotBlank", "Size", "Email");
		errors.forEach((error) -> assertThat(error.get("message").asText()).isNotBlank());
		assertThat(reply.body()).doesNotContain("not-an-email").doesNotContain("far too long");
	}

	@Test
	void invalidRequestParameterIsA422NamingTheParameter() {
		JsonNode body = assertErrorBody(this.http.get("/validate/param?size=0"), 422, "VALIDATION_ERROR");
		JsonNode error = body.get("details").get("errors").get(0);
		assertThat(error.get("field").asText()).isEqualTo("size");
		assertThat(error.get("type").asText()).isEqualTo("Min");
	}

	@Test
	void constraintViolationFromServiceIsA422WithoutMethodPrefix() {
		JsonNode body = assertErrorBody(this.http.get("/validate/service"), 422, "VALIDATION_ERROR");
		JsonNode error = body.get("details").get("errors").get(0);
		assertThat(error.get("field").asText()).isEqualTo("value");
		assertThat(error.get("type").asText()).isEqualTo("NotBlank");
	}

	@Test
	void bindingFailureIsA422WithoutTheRejectedValue() {
		Reply reply = this.http.get("/bind?count=qwz%3Cscript%3E");
		JsonNode body = assertErrorBody(reply, 422, "VALIDATION_ERROR");
		JsonNode error = body.get("details").get("errors").get(0);
		assertThat(error.get("field").asText()).isEqualTo("count");
		assertThat(error.get("type").asText()).isEqualTo("typeMismatch");
		// the rejected value holds letters that a request id (hex digits) cannot
		assertThat(reply.body()).doesNotContain("qwz").doesNotContain("script");
	}

	@Test
	void malformedJsonIsA400() {
		Reply reply = this.http.send("POST", "/validate/body", "{\"title\": \"x\", <script>", "Content-Type",
				"application/json");
		JsonNode body = assertErrorBody(reply, 400, "BAD_REQUEST");
		assertThat(body.get("message").asText()).isEqualTo("The request body is not valid JSON");
		assertThat(reply.body()).doesNotContain("script");
	}

	@Test
	void wrongJsonTypeIsA400NamingTheField() {
		Reply reply = this.http.send("POST", "/validate/body", "{\"title\": {\"nested\": \"secret-value\"}}",
				"Content-Type", "application/json");
		JsonNode body = assertErrorBody(reply, 400, "BAD_REQUEST");
		assertThat(body.get("details").get("field").asText()).isEqualTo("title");
		assertThat(reply.body()).doesNotContain("secret-value");
	}

	@Test
	void missingBodyIsA400() {
		assertErrorBody(this.http.send("POST", "/validate/body", "", "Content-Type", "application/json"), 400,
				"BAD_REQUEST");
	}

	@Test
	void typeMismatchIsA400NamingTheParameterButNotTheValue() {
		Reply reply = this.http.get("/typed/not-a-number-%22quoted%22");
		JsonNode body = assertErrorBody(reply, 400, "BAD_REQUEST");
		assertThat(body.get("details").get("parameter").asText()).isEqualTo("id");
		assertThat(reply.body()).doesNotContain("not-a-number").doesNotContain("quoted");
	}

	@Test
	void missingParameterAndHeaderAreA400() {
		JsonNode parameter = assertErrorBody(this.http.get("/required-param"), 400, "BAD_REQUEST");
		assertThat(parameter.get("details").get("parameter").asText()).isEqualTo("page");
		JsonNode header = assertErrorBody(this.http.get("/required-header"), 400, "BAD_REQUEST");
		assertThat(header.get("details").get("header").asText()).isEqualTo("X-Tenant");
	}

	@Test
	void unknownRouteIsA404() {
		assertErrorBody(this.http.get("/no/such/route"), 404, "NOT_FOUND");
		assertErrorBody(this.http.get("/static/missing.css"), 404, "NOT_FOUND");
	}

	@Test
	void methodNotAllowedKeepsTheAllowHeader() {
		Reply reply = this.http.send("DELETE", "/ok", null);
		assertErrorBody(reply, 405, "METHOD_NOT_ALLOWED");
		assertThat(reply.header("Allow")).contains("GET");
	}

	@Test
	void notAcceptableIsA406WithAJsonBody() {
		assertErrorBody(this.http.get("/json-only", "Accept", "text/csv"), 406, "NOT_ACCEPTABLE");
	}

	@Test
	void unsupportedMediaTypeIsA415() {
		assertErrorBody(this.http.send("POST", "/validate/body", "title=x", "Content-Type", "text/plain"), 415,
				"UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void dataIntegrityViolationIsA409WithoutSqlOrValues() {
		Reply reply = this.http.get("/data/integrity");
		JsonNode body = assertErrorBody(reply, 409, "INTEGRITY_ERROR");
		assertThat(body.get("message").asText()).isEqualTo("Database constraint violation");
		assertThat(reply.body()).doesNotContain("alice@example.com").doesNotContain("duplicate");
	}

	@Test
	void optimisticLockingFailureIsA409Conflict() {
		assertErrorBody(this.http.get("/data/optimistic"), 409, "CONFLICT_ERROR");
	}

	@Test
	void uploadTooLargeIsA413() {
		String boundary = "----boundary" + UUID.randomUUID();
		String content = "x".repeat(4096);
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		Reply reply = this.http.send("POST", "/upload", multipart, "Content-Type",
				"multipart/form-data; boundary=" + boundary);
		assertErrorBody(reply, 413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void responseStatusExceptionKeepsStatusAndClientReason() {
		JsonNode body = assertErrorBody(this.http.get("/status/rse"), 410, "GONE");
		assertThat(body.get("message").asText()).isEqualTo("This post was retired");
	}

	@Test
	void serverErrorResponseStatusExceptionHidesItsReason() {
		JsonNode body = assertErrorBody(this.http.get("/status/rse-500"), 500, "INTERNAL_ERROR");
		assertThat(body.get("message").asText()).isEqualTo("An unexpected error occurred");
	}

	@Test
	void responseStatusAnnotationGivesStatusAndReason() {
		JsonNode body = assertErrorBody(this.http.get("/status/annotated"), 429, "TOO_MANY_REQUESTS");
		assertThat(body.get("message").asText()).isEqualTo("Quota exceeded");
	}

	@Test
	void securityRejectsAnonymousWithA401InTheStandardBody() {
		Reply reply = this.http.get("/secure/hello");
		assertErrorBody(reply, 401, "AUTHENTICATION_ERROR");
		assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
	}

	@Test
	void securityRejectsBadCredentialsWithA401() {
		assertErrorBody(this.http.get("/secure/hello", "Authorization", TestHttp.basic("user", "wrong")), 401,
				"AUTHENTICATION_ERROR");
	}

	@Test
	void securityRejectsUserWithoutRoleWithA403() {
		assertErrorBody(this.http.get("/secure/admin/hello", "Authorization", TestHttp.basic("user", "password")),
				403, "AUTHORIZATION_ERROR");
		assertThat(this.http.get("/secure/admin/hello", "Authorization", TestHttp.basic("admin", "password"))
			.status()).isEqualTo(200);
	}

	@Test
	void accessDeniedFromAControllerIsLeftToSpringSecurity() {
		assertErrorBody(this.http.get("/security/access-denied"), 401, "AUTHENTICATION_ERROR");
		assertErrorBody(this.http.get("/security/access-denied", "Authorization", TestHttp.basic("user", "password")),
				403, "AUTHORIZATION_ERROR");
	}

	@Test
	void asyncTimeoutIsA503() {
		assertErrorBody(this.http.get("/async/timeout"), 503, "SERVICE_UNAVAILABLE");
	}

	@Test
	void unexpectedExceptionIsA500WithGenericMessage() {
		JsonNode body = assertErrorBody(this.http.get("/boom"), 500, "INTERNAL_ERROR");
		assertThat(body.get("message").asText()).isEqualTo("An unexpected error occurred");
		assertThat(body.get("details").size()).isZero();
	}

	@Test
	void configuredOverrideChangesStatusAndCode() {
		JsonNode body = assertErrorBody(this.http.get("/unsupported"), 501, "NOT_IMPLEMENTED");
		assertThat(body.get("message").asText()).isEqualTo("Not Implemented");
	}

	@Test
	void exceptionFromAFilterGetsTheSameBody() {
		assertErrorBody(this.http.get("/filter/boom"), 500, "INTERNAL_ERROR");
		JsonNode body = assertErrorBody(this.http.get("/filter/not-found"), 404, "NOT_FOUND");
		assertThat(body.get("details").get("item").asInt()).isEqualTo(7);
		assertErrorBody(this.http.get("/filter/io"), 500, "INTERNAL_ERROR");
	}

	@Test
	void exceptionBeforeTheLibrarysFiltersGoesThroughTheErrorPath() {
		assertErrorBody(this.http.get("/early/boom"), 500, "INTERNAL_ERROR");
	}

	@Test
	void sendErrorGetsTheSameBodyWithoutItsMessage() {
		JsonNode body = assertErrorBody(this.http.get("/send-error"), 503, "SERVICE_UNAVAILABLE");
		assertThat(body.get("message").asText()).isEqualTo("The service is temporarily unavailable");
	}

	@Test
	void directRequestToErrorPathIsA404() {
		assertErrorBody(this.http.get("/error"), 404, "NOT_FOUND");
	}

	@Test
	void headRequestGetsStatusAndJsonContentTypeWithoutBody() {
		Reply reply = this.http.send("HEAD", "/domain/not-found/42", null);
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType()).startsWith("application/json");
		assertThat(reply.body()).isEmpty();
	}

	@Test
	void htmlOrXmlOnlyClientsStillGetTheJsonBodyNotA406() {
		assertErrorBody(this.http.get("/domain/not-found/42", "Accept", "text/html"), 404, "NOT_FOUND");
		assertErrorBody(this.http.get("/domain/not-found/42", "Accept", "application/xml"), 404, "NOT_FOUND");
		assertErrorBody(this.http.get("/no/such/route", "Accept", "text/html"), 404, "NOT_FOUND");
		assertErrorBody(this.http.get("/boom", "Accept", "application/xml"), 500, "INTERNAL_ERROR");
		assertErrorBody(this.http.get("/secure/hello", "Accept", "text/html"), 401, "AUTHENTICATION_ERROR");
	}

	@Test
	void validIncomingRequestIdIsKeptAndInvalidOneReplaced() {
		Reply kept = this.http.get("/domain/not-found/1", "X-Request-Id", "abc-123.DEF_456:7");
		assertThat(assertErrorBody(kept, 404, "NOT_FOUND").get("requestId").asText()).isEqualTo("abc-123.DEF_456:7");
		Reply replaced = this.http.get("/domain/not-found/1", "X-Request-Id", "<script>alert(1)</script>");
		assertThat(assertErrorBody(replaced, 404, "NOT_FOUND").get("requestId").asText())
			.isNotEqualTo("<script>alert(1)</script>")
			.matches("[0-9a-f-]{36}");
		assertThat(replaced.body()).doesNotContain("script");
	}

	@Test
	void committedResponseIsLeftAloneAndLoggedOnce(CapturedOutput output) {
		int start = output.getOut().length();
		Reply reply = this.http.get("/committed");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).startsWith("partial").doesNotContain("INTERNAL_ERROR");
		String log = output.getOut().substring(start);
		assertThat(log.lines().filter((line) -> line.contains("GET /committed -> 500 INTERNAL_ERROR"))).hasSize(1);
		assertThat(log).contains("(response already committed)");
	}

	@Test
	void clientErrorIsLoggedOnceAtWarnWithoutStackTrace(CapturedOutput output) {
		int start = output.getOut().length();
		assertErrorBody(this.http.get("/domain/conflict"), 409, "CONFLICT_ERROR");
		assertErrorBody(this.http.get("/typed/x"), 400, "BAD_REQUEST");
		String log = output.getOut().substring(start);
		assertThat(log.lines().filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))).hasSize(2);
		assertThat(log.lines().filter((line) -> line.contains("GET /domain/conflict -> 409 CONFLICT_ERROR"))
			.filter((line) -> line.contains("WARN"))).hasSize(1);
		assertThat(log.lines().filter((line) -> line.contains("GET /typed/{id} -> 400 BAD_REQUEST"))).hasSize(1);
		assertThat(log).doesNotContain("\tat ");
	}

	@Test
	void serverErrorIsLoggedOnceAtErrorWithStackTrace(CapturedOutput output) {
		int start = output.getOut().length();
		assertErrorBody(this.http.get("/boom"), 500, "INTERNAL_ERROR");
		assertErrorBody(this.http.get("/filter/boom"), 500, "INTERNAL_ERROR");
		String log = output.getOut().substring(start);
		assertThat(log.lines().filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))).hasSize(2);
		assertThat(log.lines().filter((line) -> line.contains("GET /boom -> 500 INTERNAL_ERROR"))
			.filter((line) -> line.contains("ERROR"))).hasSize(1);
		assertThat(log.lines().filter((line) -> line.contains("GET /filter/boom -> 500 INTERNAL_ERROR"))).hasSize(1);
		assertThat(log).contains("java.lang.IllegalStateException: Connection to").contains("\tat ");
		assertThat(log).doesNotContain("Servlet.service()").doesNotContain("DefaultHandlerExceptionResolver");
	}

}
