package dev.errortracking.benchmarks;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sentry.Breadcrumb;
import io.sentry.JsonSerializer;
import io.sentry.SentryEvent;
import io.sentry.SentryExceptionFactory;
import io.sentry.SentryOptions;
import io.sentry.SentryStackTraceFactory;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;

/**
 * A typical server-error event: 20 headers, a 2 KB JSON body, 5 breadcrumbs and a 30-frame stack trace.
 */
final class TypicalEvent {

	static final Exception FAILURE = failure();

	static final Map<String, String> HEADERS = headers();

	static final String BODY = body();

	private static final SentryExceptionFactory EXCEPTIONS = new SentryExceptionFactory(
			new SentryStackTraceFactory(new SentryOptions()));

	private static final JsonSerializer SERIALIZER = new JsonSerializer(new SentryOptions());

	private TypicalEvent() {
	}

	/** Serialize an event as the SDK does when it puts it into an envelope. */
	static byte[] serialize(SentryEvent event) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
		try (Writer writer = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
			SERIALIZER.serialize(event, writer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** A new event, built the way the SDK has built it when the before-send callback runs. */
	static SentryEvent create() {
		return create(breadcrumbs());
	}

	/** The five breadcrumbs of a typical event, new instances. */
	static List<Breadcrumb> breadcrumbs() {
		List<Breadcrumb> breadcrumbs = new ArrayList<>(5);
		for (int i = 0; i < 5; i++) {
			Breadcrumb breadcrumb = Breadcrumb.http("https://inventory.internal/api/items/" + i + "?user=alice%40example.com",
					"GET", 200);
			breadcrumb.setMessage("Checked stock of item " + i + " for order 8812");
			breadcrumbs.add(breadcrumb);
		}
		return breadcrumbs;
	}

	/** A new event as {@link #create()} builds it, with {@code breadcrumbs} instead of new ones. */
	static SentryEvent create(List<Breadcrumb> breadcrumbs) {
		SentryEvent event = new SentryEvent(FAILURE);
		List<SentryException> exceptions = EXCEPTIONS.getSentryExceptions(FAILURE);
		event.setExceptions(exceptions);
		event.setTransaction("POST /api/orders/{id}/items");
		Request request = new Request();
		request.setMethod("POST");
		request.setUrl("https://shop.example.com/api/orders/8812/items");
		request.setQueryString("expand=items&session_token=9f8e7d6c5b4a&page=2");
		request.setHeaders(new HashMap<>(HEADERS));
		request.setCookies("SESSION=NjU0ZTFkMmYtYjQ; theme=dark; locale=en-GB");
		request.setData(BODY);
		request.setEnvs(Map.of("REMOTE_ADDR", "203.0.113.7", "SERVER_NAME", "shop.example.com", "SERVER_PORT", "443"));
		event.setRequest(request);
		event.setBreadcrumbs(new ArrayList<>(breadcrumbs));
		User user = new User();
		user.setId("alice@example.com");
		user.setUsername("alice");
		user.setIpAddress("203.0.113.7");
		event.setUser(user);
		event.setTag("route", "/api/orders/{id}/items");
		event.setTag("error_code", "INTERNAL_ERROR");
		event.setExtra("request_id", "0d4c3f5e2b1a4e6f8a7b9c0d1e2f3a4b");
		event.setExtra("order", Map.of("id", 8812, "items", 3, "currency", "EUR"));
		return event;
	}

	private static Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Host", "shop.example.com");
		headers.put("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0");
		headers.put("Accept", "application/json");
		headers.put("Accept-Language", "en-GB,en;q=0.9");
		headers.put("Accept-Encoding", "gzip, deflate, br");
		headers.put("Content-Type", "application/json");
		headers.put("Content-Length", "2048");
		headers.put("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl");
		headers.put("Cookie", "SESSION=NjU0ZTFkMmYtYjQ; theme=dark; locale=en-GB");
		headers.put("Origin", "https://shop.example.com");
		headers.put("Referer", "https://shop.example.com/checkout?step=2");
		headers.put("X-Request-Id", "0d4c3f5e2b1a4e6f8a7b9c0d1e2f3a4b");
		headers.put("X-Forwarded-For", "203.0.113.7, 10.0.0.12");
		headers.put("X-Forwarded-Proto", "https");
		headers.put("X-Forwarded-Host", "shop.example.com");
		headers.put("X-CSRF-Token", "b1946ac92492d2347c6235b4d2611184");
		headers.put("Cache-Control", "no-cache");
		headers.put("Connection", "keep-alive");
		headers.put("Sec-Fetch-Mode", "cors");
		headers.put("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		return headers;
	}

	private static String body() {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < 21; i++) {
			if (i > 0) {
				items.append(',');
			}
			items.append("{\"sku\":\"SKU-").append(1000 + i).append("\",\"name\":\"Paperback book number ").append(i)
				.append("\",\"quantity\":").append(i % 3 + 1).append(",\"price\":").append(9.99 + i).append('}');
		}
		String body = "{\"customer\":{\"name\":\"Alice Smith\",\"email\":\"alice@example.com\",\"phone\":\"+44 20 7946 0958\","
				+ "\"address\":{\"street\":\"1 Example Road\",\"city\":\"London\",\"postcode\":\"SW1A 1AA\"}},"
				+ "\"payment\":{\"method\":\"card\",\"card\":\"4111 1111 1111 1111\",\"cvv\":\"123\",\"expiry\":\"12/29\"},"
				+ "\"items\":[" + items + "],\"notes\":\"Leave at the door, ring twice.\",\"coupon\":\"SPRING-2025\"}";
		if (body.length() < 1900 || body.length() > 2200) {
			throw new IllegalStateException("Body is " + body.length() + " characters");
		}
		return body;
	}

	private static Exception failure() {
		Exception cause = new IllegalStateException(
				"ERROR: duplicate key value violates unique constraint \"orders_pkey\" Detail: Key (email)=(alice@example.com) already exists.");
		Exception failure = new RuntimeException("Could not save order 8812 for alice@example.com", cause);
		StackTraceElement[] frames = new StackTraceElement[30];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = new StackTraceElement("com.example.shop.layer" + (i % 6) + ".Component" + i, "handle" + i,
					"Component" + i + ".java", 40 + i);
		}
		failure.setStackTrace(frames);
		cause.setStackTrace(java.util.Arrays.copyOf(frames, 10));
		return failure;
	}

}
