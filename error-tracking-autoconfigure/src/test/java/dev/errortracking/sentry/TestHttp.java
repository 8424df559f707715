package dev.errortracking.sentry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for the tests: sends real requests to the embedded server and reads the error body.
 */
final class TestHttp {

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	TestHttp(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	Response get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	Response send(String method, String path, String contentType, String body, String... headers) {
		HttpRequest.Builder builder = request(path, headers).method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder);
	}

	Response upload(String path, int size) {
		String boundary = "boundary-" + size;
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n" + "x".repeat(size) + "\r\n--" + boundary + "--\r\n";
		return send("POST", path, "multipart/form-data; boundary=" + boundary, body);
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("X-Event-Id").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response: status, the event id header and the body.
	 *
	 * @param status the status
	 * @param eventIdHeader the {@code X-Event-Id} header, or {@code null}
	 * @param body the body
	 */
	record Response(int status, String eventIdHeader, String body) {

		Map<String, Object> json() {
			try {
				return objectMapper.readValue(this.body, new TypeReference<>() {
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Not JSON: " + this.body, ex);
			}
		}

		String eventId() {
			return (String) json().get("eventId");
		}

		String requestId() {
			return (String) json().get("requestId");
		}

		String error() {
			return (String) json().get("error");
		}

	}

}
