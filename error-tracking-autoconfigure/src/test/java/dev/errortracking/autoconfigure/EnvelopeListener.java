package dev.errortracking.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal Sentry endpoint on the loopback interface that keeps every envelope it receives as text.
 */
final class EnvelopeListener implements AutoCloseable {

	private final HttpServer server;

	private final List<String> envelopes = new CopyOnWriteArrayList<>();

	EnvelopeListener() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::receive);
		this.server.start();
	}

	String dsn() {
		return "http://public@127.0.0.1:" + this.server.getAddress().getPort() + "/1";
	}

	List<String> envelopes() {
		return List.copyOf(this.envelopes);
	}

	/** Wait until an envelope matches, for at most {@code timeout}. */
	boolean await(Predicate<String> condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.envelopes.stream().anyMatch(condition)) {
				return true;
			}
			Thread.sleep(50);
		}
		return false;
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			byte[] bytes = body.readAllBytes();
			String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
			if (encoding != null && encoding.contains("gzip")) {
				try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
					bytes = gzip.readAllBytes();
				}
			}
			this.envelopes.add(new String(bytes, StandardCharsets.UTF_8));
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
