package dev.errortracking.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.errortracking.web.app.ErrorBodyTestApplication;
import dev.errortracking.web.app.TestHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.errortracking.web.ErrorBodyAssertions.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that fail before they reach the application, or in the container while it reads them, written byte for
 * byte to a socket: each gets the standard body and a 4xx, never Tomcat's HTML page or a 5xx.
 */
@SpringBootTest(classes = ErrorBodyTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=2KB",
				"spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
				"error-tracking.exceptions[java.lang.UnsupportedOperationException].status=501" })
@ExtendWith(OutputCaptureExtension.class)
class ContainerErrorsEndToEndTests {

	private static final ObjectMapper objectMapper = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void malformedRequestLineGetsTheStandardBody() throws IOException {
		assertStandardBody(send("GARBAGE\r\n\r\n"), 400, "BAD_REQUEST");
	}

	@Test
	void invalidUriGetsTheStandardBody() throws IOException {
		assertStandardBody(send(get("/%2e%2e/%2e%2e/etc/passwd")), 400, "BAD_REQUEST");
		assertStandardBody(send(get("/typed/1%00")), 400, "BAD_REQUEST");
		assertStandardBody(send(get("/typed/%c0%ae%c0%ae")), 400, "BAD_REQUEST");
	}

	@Test
	void headerOverTheSizeLimitGetsTheStandardBody() throws IOException {
		String request = "GET /ok HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n";
		assertStandardBody(send(request), 400, "BAD_REQUEST");
	}

	@Test
	void unsupportedHttpVersionIsABadRequestNotA505() throws IOException {
		JsonNode body = assertStandardBody(send("GET /ok HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
				400, "BAD_REQUEST");
		assertThat(body.get("message").asText()).isEqualTo("The HTTP version is not supported");
	}

	@Test
	void unsupportedTransferCodingIsABadRequestNotA501() throws IOException {
		String request = "POST /any-body HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n{}";
		assertStandardBody(send(request), 400, "BAD_REQUEST");
	}

	@Test
	void wildcardRequestContentTypeIsA415NotA500() {
		TestHttp.Reply reply = new TestHttp(this.port).send("POST", "/any-body", "{\"a\": 1}", "Content-Type",
				"*/*");
		assertErrorBody(reply, 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void bodyCutShortIsAClientErrorThatIsNotLoggedAsAServerError(CapturedOutput output) throws IOException {
		String request = "POST /any-body HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 1000\r\nConnection: close\r\n\r\n{\"a\": ";
		assertStandardBody(send(request), 400, "BAD_REQUEST");
		assertThat(output).contains("POST /any-body -> 400 BAD_REQUEST").doesNotContain("-> 500");
	}

	private String get(String target) {
		return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
	}

	private JsonNode assertStandardBody(String response, int status, String code) throws IOException {
		int headEnd = response.indexOf("\r\n\r\n");
		assertThat(headEnd).as("a complete answer: %s", response).isPositive();
		String head = response.substring(0, headEnd).toLowerCase(Locale.ROOT);
		assertThat(head).as("status line and headers").startsWith("http/1.1 " + status + " ")
			.contains("\r\ncontent-type: application/json")
			.contains("\r\nx-request-id: ");
		JsonNode body = objectMapper.readTree(response.substring(headEnd + 4));
		assertThat(body.get("error").asText()).isEqualTo(code);
		assertThat(body.get("message").asText()).isNotBlank();
		assertThat(body.get("details").isObject()).isTrue();
		assertThat(head).contains("\r\nx-request-id: " + body.get("requestId").asText().toLowerCase(Locale.ROOT));
		assertThat(response).doesNotContain("<html").doesNotContain("Tomcat").doesNotContain("Exception");
		return body;
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			in.transferTo(received);
			return received.toString(StandardCharsets.UTF_8);
		}
	}

}
