package dev.errortracking.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real HTTP client for the app under test, built on the JDK client so that nothing of Spring sits in between.
 */
public final class SampleHttpClient {

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final URI base;

	public SampleHttpClient(int port) {
		this.base = URI.create("http://127.0.0.1:" + port);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, Object body) {
		return send(json(request(path), "POST", body));
	}

	public Response put(String path, Object body) {
		return send(json(request(path), "PUT", body));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response delete(String path, String user, String password) {
		return send(withBasicAuth(request(path), user, password).DELETE());
	}

	/** A request builder for {@code path}, to send with {@link #send}. */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path)).timeout(TIMEOUT);
	}

	public Response send(HttpRequest.Builder request) {
		try {
			return sendAsync(request).join();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Request failed: " + request.build().uri(), ex);
		}
	}

	/** Send without waiting, to run requests side by side. */
	public CompletableFuture<Response> sendAsync(HttpRequest.Builder request) {
		return this.client.sendAsync(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(Response::new);
	}

	public static HttpRequest.Builder json(HttpRequest.Builder request, String method, Object body) {
		String text = (body instanceof String raw) ? raw : toJson(body);
		return request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(text));
	}

	public static HttpRequest.Builder withBasicAuth(HttpRequest.Builder request, String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return request.header("Authorization", "Basic " + credentials);
	}

	private static String toJson(Object body) {
		try {
			return objectMapper.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** A received response. */
	public static final class Response {

		private final HttpResponse<String> response;

		Response(HttpResponse<String> response) {
			this.response = response;
		}

		public int status() {
			return this.response.statusCode();
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String body() {
			return this.response.body();
		}

		public JsonNode json() {
			try {
				return objectMapper.readTree(this.response.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Not JSON: " + this.response.body(), ex);
			}
		}

		@Override
		public String toString() {
			return this.response.statusCode() + " " + this.response.headers().map() + " " + this.response.body();
		}

	}

}
