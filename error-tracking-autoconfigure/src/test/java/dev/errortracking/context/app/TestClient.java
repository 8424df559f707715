package dev.errortracking.context.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real HTTP client for the test application, and a parser of the JSON lines it logged.
 */
public final class TestClient {

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	public TestClient(int port) {
		this.port = port;
	}

	/** A GET request to {@code path} as {@code user} (none when {@code null}) with extra headers. */
	public HttpRequest get(String path, String user, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (user != null) {
			String credentials = user + ":" + ContextTestApplication.PASSWORD;
			builder.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return builder.build();
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Every line of {@code output} that is a JSON object, parsed. */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> jsonLines(String output) {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (String line : output.split("\\R")) {
			if (line.startsWith("{")) {
				try {
					lines.add(objectMapper.readValue(line, Map.class));
				}
				catch (IOException ex) {
					throw new IllegalStateException("Not a JSON line: " + line, ex);
				}
			}
		}
		return lines;
	}

	/** The body of {@code response} parsed as a JSON object. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> json(HttpResponse<String> response) {
		try {
			return objectMapper.readValue(response.body(), Map.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
