package dev.errortracking.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process Sentry server for tests. It listens on a random loopback port, accepts envelopes at
 * {@code POST /api/<project>/envelope/} (gzip or plain), decodes them and keeps the events, transactions and
 * attachments they carry. Point the real SDK at {@link #dsn()} so that events travel the real transport path.
 * <p>
 * It can also misbehave to test resilience: {@link #refuseConnections()}, {@link #blackHole()},
 * {@link #answerSlowly(Duration)}, {@link #rateLimit(Duration)} and {@link #answerWithStatus(int)}.
 * {@link #reset()} forgets everything and answers normally again.
 * <pre class="code">
 * try (SentryReceiver receiver = SentryReceiver.start()) {
 *     Sentry.init((options) -&gt; options.setDsn(receiver.dsn()));
 *     SentryId id = Sentry.captureMessage("hello");
 *     assertThat(receiver.awaitEvents(1).get(0).eventId()).isEqualTo(id.toString());
 * }
 * </pre>
 * The SDK sends envelopes one after the other, in capture order. To show that something was <em>not</em> sent,
 * capture something that is sent afterwards, await it, and then look at what arrived.
 */
public final class SentryReceiver implements AutoCloseable {

	/** The time {@link #awaitEvents(int)} and {@link #awaitTransactions(int)} wait at most. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final Pattern ENVELOPE_PATH = Pattern.compile("/api/[^/]+/envelope/?");

	private static final AtomicInteger threadCount = new AtomicInteger();

	private final Object monitor = new Object();

	private final List<ReceivedEvent> events = new ArrayList<>();

	private final List<ReceivedEvent> transactions = new ArrayList<>();

	private final List<ReceivedAttachment> attachments = new ArrayList<>();

	private final Map<String, Long> discarded = new TreeMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "envelope-receiver-" + threadCount.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	private final int port;

	private HttpServer server;

	private Behaviour behaviour = Behaviour.accept();

	private CountDownLatch blackHoleRelease = new CountDownLatch(1);

	private boolean closed;

	private SentryReceiver(int port) {
		this.server = listen(port);
		this.port = this.server.getAddress().getPort();
	}

	/** Start a receiver on a random free loopback port. */
	public static SentryReceiver start() {
		return new SentryReceiver(0);
	}

	/** The DSN that points the SDK at this receiver: {@code http://public@127.0.0.1:<port>/1}. */
	public String dsn() {
		return "http://public@127.0.0.1:" + this.port + "/1";
	}

	/** The port this receiver listens on. */
	public int port() {
		return this.port;
	}

	/** The error events received so far, in arrival order. */
	public List<ReceivedEvent> events() {
		synchronized (this.monitor) {
			return List.copyOf(this.events);
		}
	}

	/** The transactions received so far, in arrival order. */
	public List<ReceivedEvent> transactions() {
		synchronized (this.monitor) {
			return List.copyOf(this.transactions);
		}
	}

	/**
	 * The attachments received so far, in arrival order. They travel in the envelope of their event or transaction:
	 * once that has been awaited, its attachments are here.
	 */
	public List<ReceivedAttachment> attachments() {
		synchronized (this.monitor) {
			return List.copyOf(this.attachments);
		}
	}

	/**
	 * What the SDK's client reports received so far say it dropped, by {@code reason/category}, such as
	 * {@code queue_overflow/error}.
	 */
	public Map<String, Long> discarded() {
		synchronized (this.monitor) {
			return new TreeMap<>(this.discarded);
		}
	}

	/** The number of envelope requests that reached this receiver, whatever it answered. */
	public int requestCount() {
		return this.requests.get();
	}

	/** Wait up to {@link #DEFAULT_TIMEOUT} until at least {@code count} events have arrived, and return them all. */
	public List<ReceivedEvent> awaitEvents(int count) {
		return awaitEvents(count, DEFAULT_TIMEOUT);
	}

	/**
	 * Wait until at least {@code count} events have arrived, and return them all.
	 * @param count the number of events to wait for
	 * @param timeout how long to wait at most
	 * @return all events received so far
	 * @throws AssertionError if fewer events arrived in time
	 */
	public List<ReceivedEvent> awaitEvents(int count, Duration timeout) {
		return await(this.events, (list) -> list.size() >= count, "at least " + count + " event(s)", timeout);
	}

	/** Wait up to {@link #DEFAULT_TIMEOUT} for the first event that matches {@code condition}, and return it. */
	public ReceivedEvent awaitEvent(Predicate<ReceivedEvent> condition) {
		return await(this.events, (list) -> list.stream().anyMatch(condition), "an event that matches", DEFAULT_TIMEOUT)
			.stream()
			.filter(condition)
			.findFirst()
			.orElseThrow();
	}

	/** Wait up to {@link #DEFAULT_TIMEOUT} until at least {@code count} transactions have arrived, and return them. */
	public List<ReceivedEvent> awaitTransactions(int count) {
		return await(this.transactions, (list) -> list.size() >= count, "at least " + count + " transaction(s)",
				DEFAULT_TIMEOUT);
	}

	/** Wait up to {@link #DEFAULT_TIMEOUT} for the first transaction that matches {@code condition}, and return it. */
	public ReceivedEvent awaitTransaction(Predicate<ReceivedEvent> condition) {
		return await(this.transactions, (list) -> list.stream().anyMatch(condition), "a transaction that matches",
				DEFAULT_TIMEOUT)
			.stream()
			.filter(condition)
			.findFirst()
			.orElseThrow();
	}

	/** Accept envelopes normally again: stop any misbehaviour, keep what was received. */
	public SentryReceiver acceptEnvelopes() {
		return behave(Behaviour.accept());
	}

	/** Accept envelopes, but answer each only after {@code delay}. */
	public SentryReceiver answerSlowly(Duration delay) {
		return behave(new Behaviour(Mode.SLOW, delay, 200));
	}

	/** Answer every envelope with {@code status}, such as 500, without keeping it. */
	public SentryReceiver answerWithStatus(int status) {
		return behave(new Behaviour(Mode.STATUS, Duration.ZERO, status));
	}

	/** Answer every envelope with 429 and a {@code Retry-After} header of {@code retryAfter}, without keeping it. */
	public SentryReceiver rateLimit(Duration retryAfter) {
		return behave(new Behaviour(Mode.STATUS, retryAfter, 429));
	}

	/** Accept connections and requests but never answer them, until the behaviour changes or the receiver closes. */
	public SentryReceiver blackHole() {
		return behave(new Behaviour(Mode.BLACK_HOLE, Duration.ZERO, 0));
	}

	/** Stop listening, so that connections to the port are refused, until the behaviour changes. */
	public SentryReceiver refuseConnections() {
		return behave(new Behaviour(Mode.REFUSE, Duration.ZERO, 0));
	}

	/** Forget everything received and accept envelopes normally. */
	public void reset() {
		synchronized (this.monitor) {
			this.events.clear();
			this.transactions.clear();
			this.attachments.clear();
			this.discarded.clear();
			this.requests.set(0);
		}
		acceptEnvelopes();
	}

	@Override
	public void close() {
		synchronized (this.monitor) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.blackHoleRelease.countDown();
			if (this.server != null) {
				this.server.stop(0);
				this.server = null;
			}
		}
		this.executor.shutdownNow();
	}

	private SentryReceiver behave(Behaviour next) {
		synchronized (this.monitor) {
			if (this.closed) {
				throw new IllegalStateException("The receiver is closed");
			}
			this.behaviour = next;
			this.blackHoleRelease.countDown();
			this.blackHoleRelease = new CountDownLatch(1);
			if (next.mode() == Mode.REFUSE && this.server != null) {
				this.server.stop(0);
				this.server = null;
			}
			else if (next.mode() != Mode.REFUSE && this.server == null) {
				this.server = listen(this.port);
			}
		}
		return this;
	}

	private HttpServer listen(int port) {
		HttpServer httpServer;
		try {
			httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not listen on loopback port " + port, ex);
		}
		httpServer.setExecutor(this.executor);
		httpServer.createContext("/", this::handle);
		// The server's dispatcher thread inherits this flag, so an unclosed receiver never keeps a JVM alive.
		Thread starter = new Thread(httpServer::start, "envelope-receiver-start");
		starter.setDaemon(true);
		starter.start();
		try {
			starter.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return httpServer;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (!"POST".equals(exchange.getRequestMethod()) || !ENVELOPE_PATH.matcher(path).matches()) {
				respond(exchange, 404, "{}");
				return;
			}
			this.requests.incrementAndGet();
			Behaviour current;
			CountDownLatch release;
			synchronized (this.monitor) {
				current = this.behaviour;
				release = this.blackHoleRelease;
			}
			if (current.mode() == Mode.BLACK_HOLE) {
				awaitQuietly(release);
				return;
			}
			byte[] body = EnvelopeDecoder.readBody(exchange.getRequestBody(),
					exchange.getRequestHeaders().getFirst("Content-Encoding"));
			if (current.mode() == Mode.STATUS) {
				if (current.status() == 429) {
					exchange.getResponseHeaders().add("Retry-After", Long.toString(current.delay().toSeconds()));
				}
				respond(exchange, current.status(), "{}");
				return;
			}
			if (current.mode() == Mode.SLOW) {
				sleepQuietly(current.delay());
			}
			String firstId = store(EnvelopeDecoder.decode(body), EnvelopeDecoder.eventId(body));
			respond(exchange, 200, (firstId != null) ? "{\"id\":\"" + firstId + "\"}" : "{}");
		}
	}

	private String store(List<EnvelopeDecoder.Item> items, String envelopeEventId) {
		String firstId = null;
		synchronized (this.monitor) {
			for (EnvelopeDecoder.Item item : items) {
				if ("client_report".equals(item.type())) {
					countDiscarded(item.payload());
					continue;
				}
				if ("attachment".equals(item.type())) {
					this.attachments.add(new ReceivedAttachment(envelopeEventId, text(item.header().get("filename")),
							text(item.header().get("content_type")), item.content()));
					continue;
				}
				List<ReceivedEvent> target = switch (item.type()) {
					case "event" -> this.events;
					case "transaction" -> this.transactions;
					default -> null;
				};
				if (target != null) {
					ReceivedEvent event = new ReceivedEvent(item.type(), item.payload());
					target.add(event);
					firstId = (firstId != null) ? firstId : event.eventId();
				}
			}
			this.monitor.notifyAll();
		}
		return firstId;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private void countDiscarded(String clientReport) {
		if (Json.parseObject(clientReport).get("discarded_events") instanceof List<?> entries) {
			for (Object entry : entries) {
				if (entry instanceof Map<?, ?> counted && counted.get("quantity") instanceof Number quantity) {
					this.discarded.merge(counted.get("reason") + "/" + counted.get("category"), quantity.longValue(),
							Long::sum);
				}
			}
		}
	}

	private List<ReceivedEvent> await(List<ReceivedEvent> source, Predicate<List<ReceivedEvent>> done,
			String description, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			while (!done.test(source)) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new AssertionError("Expected " + description + " within " + timeout + " but received "
							+ source.size() + " (in " + this.requests.get() + " envelope requests; discarded as the SDK's"
							+ " client reports say: " + this.discarded + "): " + summary(source));
				}
				try {
					this.monitor.wait(Math.max(1, remaining / 1_000_000), 0);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("Interrupted while waiting for " + description, ex);
				}
			}
			return List.copyOf(source);
		}
	}

	private static String summary(List<ReceivedEvent> received) {
		int shown = Math.min(received.size(), 5);
		String listed = received.subList(0, shown).toString();
		return (shown < received.size()) ? listed + " and " + (received.size() - shown) + " more" : listed;
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepQuietly(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private enum Mode {

		ACCEPT, SLOW, STATUS, BLACK_HOLE, REFUSE

	}

	private record Behaviour(Mode mode, Duration delay, int status) {

		static Behaviour accept() {
			return new Behaviour(Mode.ACCEPT, Duration.ZERO, 200);
		}

	}

}
