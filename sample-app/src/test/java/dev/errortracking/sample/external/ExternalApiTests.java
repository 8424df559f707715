package dev.errortracking.sample.external;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.errortracking.sample.SampleAppTest;
import dev.errortracking.sample.SampleHttpClient;
import dev.errortracking.sample.SampleHttpClient.Response;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.errortracking.sample.ErrorBodyAssertions.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/external/{id}} against a real local upstream that answers, fails, stalls, garbles or hangs up.
 */
@SampleAppTest
class ExternalApiTests {

	private static final CountDownLatch release = new CountDownLatch(1);

	private static final ExecutorService upstreamThreads = Executors.newCachedThreadPool();

	private static final HttpServer upstream = startUpstream();

	@LocalServerPort
	private int port;

	private SampleHttpClient http;

	@DynamicPropertySource
	static void upstreamProperties(DynamicPropertyRegistry registry) {
		registry.add("sample.upstream.base-url", () -> "http://127.0.0.1:" + upstream.getAddress().getPort());
		registry.add("sample.upstream.read-timeout", () -> "500ms");
	}

	@AfterAll
	static void stopUpstream() {
		release.countDown();
		upstream.stop(0);
		upstreamThreads.shutdownNow();
	}

	@BeforeEach
	void setUp() {
		this.http = new SampleHttpClient(this.port);
	}

	@Test
	void anUpstreamPostIsPassedThrough() {
		Response response = this.http.get("/api/v1/external/1");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("id").asInt()).isEqualTo(1);
		assertThat(response.json().get("title").asText()).isEqualTo("Upstream post");
	}

	@Test
	void anUpstreamServerErrorIsAnExternalServiceError() {
		assertExternalServiceError(this.http.get("/api/v1/external/500"));
	}

	@Test
	void anUpstreamNotFoundIsAnExternalServiceError() {
		assertExternalServiceError(this.http.get("/api/v1/external/404"));
	}

	@Test
	void anUpstreamThatDoesNotAnswerInTimeIsAnExternalServiceError() {
		assertExternalServiceError(this.http.get("/api/v1/external/2"));
	}

	@Test
	void anUpstreamAnswerThatIsNotJsonIsAnExternalServiceError() {
		assertExternalServiceError(this.http.get("/api/v1/external/3"));
	}

	@Test
	void anEmptyUpstreamAnswerIsAnExternalServiceError() {
		assertExternalServiceError(this.http.get("/api/v1/external/4"));
	}

	@Test
	void anUpstreamThatHangsUpIsAnExternalServiceError() {
		assertExternalServiceError(this.http.get("/api/v1/external/5"));
	}

	private static void assertExternalServiceError(Response response) {
		JsonNode body = assertErrorBody(response, 503, "EXTERNAL_SERVICE_ERROR", "Upstream",
				String.valueOf(upstream.getAddress().getPort()), "upstream secret");
		assertThat(body.get("message").asText()).isEqualTo("A required external service is unavailable");
		assertThat(body.get("details")).hasSize(1);
		assertThat(body.get("details").get("service").asText()).isEqualTo("upstream-posts");
	}

	private static HttpServer startUpstream() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setExecutor(upstreamThreads);
			server.createContext("/posts/", ExternalApiTests::answer);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		String id = exchange.getRequestURI().getPath().substring("/posts/".length());
		switch (id) {
			case "1" -> send(exchange, 200, "{\"id\":1,\"title\":\"Upstream post\"}");
			case "2" -> {
				awaitRelease();
				send(exchange, 200, "{\"id\":2}");
			}
			case "3" -> send(exchange, 200, "<html>upstream secret</html>");
			case "4" -> send(exchange, 200, "");
			case "5" -> exchange.close();
			case "404" -> send(exchange, 404, "{\"error\":\"upstream secret\"}");
			default -> send(exchange, 500, "{\"error\":\"upstream secret\"}");
		}
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void awaitRelease() {
		try {
			release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
