package dev.errortracking.logging;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.errortracking.context.app.ContextTestApplication;
import dev.errortracking.context.app.TestClient;
import dev.errortracking.web.ErrorLogger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON lines from a real application on a random port with a production profile and no logback configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLoggingIntegrationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static ConfigurableApplicationContext context;

	private static TestClient client;

	@BeforeAll
	static void start() {
		LoggingSystemReset.reset();
		context = new SpringApplicationBuilder(ContextTestApplication.class).profiles("prod")
			.run("--server.port=0");
		client = new TestClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		context.close();
		LoggingSystemReset.reset();
	}

	@Test
	void successfulRequestLogsItsContextOnEveryLineAndNoErrorLine(CapturedOutput output) {
		HttpResponse<String> response = client.send(client.get("/orders/7", "alice", "X-Request-Id", "json-200",
				"traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestClient.json(response)).containsEntry("asyncRequestId", "json-200");
		List<Map<String, Object>> lines = linesOf(output, "json-200");
		Map<String, Object> controllerLine = only(lines, "order 7 requested");
		assertThat(controllerLine).containsEntry("user_id", "alice")
			.containsEntry("http_method", "GET")
			.containsEntry("http_route", "/orders/{id}")
			.containsEntry("trace_id", TRACE_ID)
			.containsEntry("level", "INFO")
			.containsKeys("@timestamp", "logger_name", "thread_name");
		Map<String, Object> asyncLine = only(lines, "audit of order 7");
		assertThat(asyncLine).containsEntry("user_id", "alice")
			.containsEntry("http_route", "/orders/{id}")
			.containsEntry("trace_id", TRACE_ID);
		assertThat(asyncLine.get("thread_name")).isNotEqualTo(controllerLine.get("thread_name"));
		assertThat(errorLines(lines)).isEmpty();
	}

	@Test
	void clientErrorLogsOneWarningWithStructuredFieldsAndNoStackTrace(CapturedOutput output) {
		HttpResponse<String> response = client.send(client.get("/orders/8?fail=404", "alice", "X-Request-Id",
				"json-404"));
		assertThat(response.statusCode()).isEqualTo(404);
		List<Map<String, Object>> errorLines = errorLines(linesOf(output, "json-404"));
		assertThat(errorLines).hasSize(1);
		assertThat(errorLines.get(0)).containsEntry("level", "WARN")
			.containsEntry("error_code", "NOT_FOUND")
			.containsEntry("http_status", 404)
			.containsEntry("request_id", "json-404")
			.containsEntry("http_route", "/orders/{id}")
			.containsEntry("http_method", "GET")
			.containsEntry("user_id", "alice")
			.containsEntry("exception_class", "dev.errortracking.exception.NotFoundException")
			.doesNotContainKey("stack_trace");
	}

	@Test
	void serverErrorLogsOneErrorWithACompactStackTrace(CapturedOutput output) {
		HttpResponse<String> response = client.send(client.get("/orders/9?fail=500", "alice", "X-Request-Id",
				"json-500"));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("broke");
		List<Map<String, Object>> errorLines = errorLines(linesOf(output, "json-500"));
		assertThat(errorLines).hasSize(1);
		Map<String, Object> line = errorLines.get(0);
		assertThat(line).containsEntry("level", "ERROR")
			.containsEntry("error_code", "INTERNAL_ERROR")
			.containsEntry("http_status", 500)
			.containsEntry("request_id", "json-500")
			.containsEntry("http_route", "/orders/{id}")
			.containsEntry("user_id", "alice")
			.containsEntry("exception_class", "java.lang.IllegalStateException");
		String stackTrace = (String) line.get("stack_trace");
		assertThat(stackTrace).startsWith("java.lang.IllegalStateException: order 9 broke")
			.contains("ContextTestApplication$OrderController.order")
			.contains("frames excluded")
			.doesNotContain("org.apache.catalina.core.ApplicationFilterChain");
		assertThat(stackTrace.lines().count()).isLessThan(60);
	}

	@Test
	void unauthenticatedRequestLogsOneWarningWithoutUser(CapturedOutput output) {
		HttpResponse<String> response = client.send(client.get("/orders/10", null, "X-Request-Id", "json-401"));
		assertThat(response.statusCode()).isEqualTo(401);
		List<Map<String, Object>> errorLines = errorLines(linesOf(output, "json-401"));
		assertThat(errorLines).hasSize(1);
		assertThat(errorLines.get(0)).containsEntry("http_status", 401)
			.containsEntry("error_code", "AUTHENTICATION_ERROR")
			.doesNotContainKey("user_id")
			.doesNotContainKey("stack_trace");
	}

	@Test
	void requestRejectedBySpringSecurityLogsOneWarningWithTheUser(CapturedOutput output) {
		HttpResponse<String> response = client.send(client.get("/admin/orders", "alice", "X-Request-Id", "json-403"));
		assertThat(response.statusCode()).isEqualTo(403);
		List<Map<String, Object>> errorLines = errorLines(linesOf(output, "json-403"));
		assertThat(errorLines).hasSize(1);
		assertThat(errorLines.get(0)).containsEntry("http_status", 403)
			.containsEntry("error_code", "AUTHORIZATION_ERROR")
			.containsEntry("user_id", "alice");
	}

	@Test
	void errorStatusSentByAControllerLogsTheUser(CapturedOutput output) {
		HttpResponse<String> response = client.send(client.get("/orders/14/lock", "alice", "X-Request-Id",
				"json-409"));
		assertThat(response.statusCode()).isEqualTo(409);
		List<Map<String, Object>> errorLines = errorLines(linesOf(output, "json-409"));
		assertThat(errorLines).hasSize(1);
		assertThat(errorLines.get(0)).containsEntry("http_status", 409).containsEntry("user_id", "alice");
	}

	@Test
	void everyLineIsJsonWithoutLogbackConfiguration(CapturedOutput output) {
		client.send(client.get("/orders/11", "alice", "X-Request-Id", "json-all"));
		assertThat(linesOf(output, "json-all")).isNotEmpty();
		assertThat(output.getOut().lines().filter((line) -> !line.isBlank()))
			.allSatisfy((line) -> assertThat(line).startsWith("{").endsWith("}"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"INJECTED\"", "a b INJECTED", "INJECTED<script>", "INJECTED\r\n Set-Cookie: x=1" })
	void unsafeRequestIdsOverRealHttpAreReplacedNeverReflected(String unsafe, CapturedOutput output) throws Exception {
		String response = rawGet("/orders/12", "X-Request-Id: " + unsafe);
		assertThat(response).doesNotContain("INJECTED").doesNotContain("Set-Cookie");
		assertThat(response).containsPattern("(?i)X-Request-Id: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\r\n");
		assertThat(output.getOut()).doesNotContain("INJECTED");
	}

	@Test
	void bareCarriageReturnInRequestIdIsRejectedByTheServerNeverReflected(CapturedOutput output) throws Exception {
		String response = rawGet("/orders/12", "X-Request-Id: INJECTED\rSet-Cookie: x=1");
		assertThat(response).startsWith("HTTP/1.1 400 ").doesNotContain("INJECTED").doesNotContain("Set-Cookie");
		assertThat(output.getOut().lines().filter((line) -> line.contains("INJECTED")))
			.allSatisfy((line) -> assertThat(TestClient.jsonLines(line)).hasSize(1));
	}

	@Test
	void tenKilobyteRequestIdIsNeverReflected(CapturedOutput output) throws Exception {
		String huge = "INJECTED" + "a".repeat(10 * 1024);
		String response = rawGet("/orders/13", "X-Request-Id: " + huge);
		assertThat(response).startsWith("HTTP/1.1 ").doesNotContain("INJECTED");
		assertThat(output.getOut()).doesNotContain("INJECTED");
	}

	private static String rawGet(String path, String header) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString(("alice:" + ContextTestApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
		try (Socket socket = new Socket("127.0.0.1", port())) {
			socket.setSoTimeout(10_000);
			String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
					+ "\r\n" + header + "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static List<Map<String, Object>> linesOf(CapturedOutput output, String requestId) {
		return TestClient.jsonLines(output.getOut())
			.stream()
			.filter((line) -> requestId.equals(line.get("request_id")))
			.toList();
	}

	private static List<Map<String, Object>> errorLines(List<Map<String, Object>> lines) {
		return lines.stream().filter((line) -> ErrorLogger.LOGGER_NAME.equals(line.get("logger_name"))).toList();
	}

	private static Map<String, Object> only(List<Map<String, Object>> lines, String message) {
		List<Map<String, Object>> matching = lines.stream().filter((line) -> message.equals(line.get("message"))).toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

}
