package dev.errortracking.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Sentry endpoint on loopback that accepts envelopes and counts the events and transactions in them without
 * decoding their payloads. The test-support receiver decodes and keeps every event, which on a 2-core machine
 * costs more CPU than the reporting being measured and starves the load generator sharing this process.
 */
final class CountingSentryReceiver implements AutoCloseable {

	private static final byte[] EVENT_ITEM = "\"type\":\"event\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] CLIENT_REPORT_ITEM = "\"type\":\"client_report\"".getBytes(StandardCharsets.US_ASCII);

	private static final Pattern DISCARDED = Pattern.compile("\\{[^{}]*\"reason\"[^{}]*\\}");

	private static final Pattern FIELD = Pattern.compile("\"(reason|category|quantity)\"\\s*:\\s*\"?([\\w.]+)");

	private static final byte[] TRANSACTION_ITEM = "\"type\":\"transaction\"".getBytes(StandardCharsets.US_ASCII);

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong events = new AtomicLong();

	private final AtomicLong transactions = new AtomicLong();

	private final Map<String, Long> discarded = new ConcurrentHashMap<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (runnable) -> {
		Thread thread = new Thread(runnable, "sentry-counter");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpServer server;

	CountingSentryReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String dsn() {
		return "http://public@127.0.0.1:" + this.server.getAddress().getPort() + "/1";
	}

	long requestCount() {
		return this.requests.get();
	}

	long events() {
		return this.events.get();
	}

	long transactions() {
		return this.transactions.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requests.incrementAndGet();
			byte[] body = read(exchange);
			this.events.addAndGet(countItemHeaders(body, EVENT_ITEM));
			this.transactions.addAndGet(countItemHeaders(body, TRANSACTION_ITEM));
			if (countItemHeaders(body, CLIENT_REPORT_ITEM) > 0) {
				recordDiscarded(new String(body, StandardCharsets.UTF_8));
			}
			byte[] answer = "{}".getBytes(StandardCharsets.US_ASCII);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
		}
	}

	/** What the SDK said it dropped, from its client reports: quantity per reason and category. */
	Map<String, Long> discarded() {
		return new TreeMap<>(this.discarded);
	}

	private void recordDiscarded(String envelope) {
		Matcher entry = DISCARDED.matcher(envelope);
		while (entry.find()) {
			Map<String, String> fields = new HashMap<>();
			Matcher field = FIELD.matcher(entry.group());
			while (field.find()) {
				fields.put(field.group(1), field.group(2));
			}
			if (fields.containsKey("quantity")) {
				this.discarded.merge(fields.get("reason") + "/" + fields.get("category"),
						Long.parseLong(fields.get("quantity")), Long::sum);
			}
		}
	}

	private static byte[] read(HttpExchange exchange) throws IOException {
		InputStream in = exchange.getRequestBody();
		if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
			in = new GZIPInputStream(in);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
		in.transferTo(out);
		return out.toByteArray();
	}

	/**
	 * Count the item headers naming {@code type}: an envelope is a header line followed by pairs of an item header
	 * line and a payload line (the SDK writes JSON payloads on one line).
	 */
	private static int countItemHeaders(byte[] body, byte[] type) {
		int count = 0;
		int line = 0;
		for (int lineStart = 0; lineStart < body.length; line++) {
			int lineEnd = lineStart;
			while (lineEnd < body.length && body[lineEnd] != '\n') {
				lineEnd++;
			}
			if (line % 2 == 1 && contains(body, lineStart, lineEnd, type)) {
				count++;
			}
			lineStart = lineEnd + 1;
		}
		return count;
	}

	private static boolean contains(byte[] body, int from, int to, byte[] text) {
		for (int start = from; start + text.length <= to; start++) {
			int i = 0;
			while (i < text.length && body[start + i] == text[i]) {
				i++;
			}
			if (i == text.length) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
