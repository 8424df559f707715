package dev.errortracking.context;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP endpoint that receives the real Sentry SDK's envelopes and keeps the events in them.
 */
final class SentryEnvelopeListener implements AutoCloseable {

	private static final ObjectMapper objectMapper = new ObjectMapper();

	private final HttpServer server;

	private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

	SentryEnvelopeListener() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::receive);
		this.server.start();
	}

	String dsn() {
		return "http://public@127.0.0.1:" + this.server.getAddress().getPort() + "/1";
	}

	List<Map<String, Object>> events() {
		return List.copyOf(this.events);
	}

	/** The events received so far whose {@code request_id} tag is {@code requestId}. */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> eventsOf(String requestId) {
		return this.events.stream().filter((event) -> {
			Map<String, Object> tags = (Map<String, Object>) event.get("tags");
			return tags != null && requestId.equals(tags.get("request_id"));
		}).toList();
	}

	/** The first event whose {@code request_id} tag is {@code requestId}, waiting up to 30 seconds for it. */
	Map<String, Object> awaitEventOf(String requestId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			List<Map<String, Object>> received = eventsOf(requestId);
			if (!received.isEmpty()) {
				return received.get(0);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No event for " + requestId + " in " + events());
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = read(exchange);
			parse(body);
			exchange.sendResponseHeaders(200, -1);
		}
	}

	private static byte[] read(HttpExchange exchange) throws IOException {
		InputStream in = exchange.getRequestBody();
		if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
			in = new GZIPInputStream(in);
		}
		try (InputStream stream = in) {
			return stream.readAllBytes();
		}
	}

	@SuppressWarnings("unchecked")
	private void parse(byte[] envelope) throws IOException {
		int position = lineEnd(envelope, 0) + 1;
		while (position < envelope.length) {
			int headerEnd = lineEnd(envelope, position);
			Map<String, Object> itemHeader = objectMapper.readValue(envelope, position, headerEnd - position, Map.class);
			int payloadStart = headerEnd + 1;
			int payloadEnd = (itemHeader.get("length") instanceof Number length) ? payloadStart + length.intValue()
					: lineEnd(envelope, payloadStart);
			if ("event".equals(itemHeader.get("type"))) {
				this.events.add(objectMapper.readValue(envelope, payloadStart, payloadEnd - payloadStart, Map.class));
			}
			position = payloadEnd + 1;
		}
	}

	private static int lineEnd(byte[] bytes, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return bytes.length;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
