package dev.errortracking.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A closed-loop HTTP/1.1 load generator on loopback: each connection sends one request, reads the whole response
 * and sends the next, reconnecting when the server closes. Bounded by a request count and a duration.
 */
final class HttpLoad {

	private final int port;

	private final byte[] request;

	private final int expectedStatus;

	HttpLoad(int port, String path, int expectedStatus) {
		this.port = port;
		this.request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
				+ "User-Agent: error-tracking-benchmarks\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		this.expectedStatus = expectedStatus;
	}

	/** Send requests over {@code connections} connections until {@code maxRequests} or {@code duration}. */
	Measurement run(int connections, int maxRequests, Duration duration) throws InterruptedException {
		return run(connections, maxRequests, duration, Duration.ZERO);
	}

	/**
	 * Send requests over {@code connections} connections until {@code maxRequests} or {@code duration}, each
	 * connection waiting {@code pause} after every answer before it sends the next request.
	 */
	Measurement run(int connections, int maxRequests, Duration duration, Duration pause) throws InterruptedException {
		AtomicInteger issued = new AtomicInteger();
		AtomicLong unexpected = new AtomicLong();
		AtomicLong matched = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Worker> workers = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			Worker worker = new Worker(issued, maxRequests, deadline, pause.toNanos(), unexpected, matched);
			workers.add(worker);
			worker.thread.start();
		}
		for (Worker worker : workers) {
			worker.thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int total = workers.stream().mapToInt((worker) -> worker.count).sum();
		long[] latencies = new long[total];
		int offset = 0;
		for (Worker worker : workers) {
			System.arraycopy(worker.latencies, 0, latencies, offset, worker.count);
			offset += worker.count;
		}
		Arrays.sort(latencies);
		return new Measurement(total, matched.get(), unexpected.get(), seconds, latencies);
	}

	private final class Worker implements Runnable {

		private final Thread thread = new Thread(this, "load");

		private final AtomicInteger issued;

		private final int maxRequests;

		private final long deadline;

		private final long pauseNanos;

		private final AtomicLong unexpected;

		private final AtomicLong matched;

		private long[] latencies = new long[4096];

		private int count;

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		Worker(AtomicInteger issued, int maxRequests, long deadline, long pauseNanos, AtomicLong unexpected,
				AtomicLong matched) {
			this.issued = issued;
			this.maxRequests = maxRequests;
			this.deadline = deadline;
			this.pauseNanos = pauseNanos;
			this.unexpected = unexpected;
			this.matched = matched;
		}

		@Override
		public void run() {
			try {
				while (System.nanoTime() < this.deadline && this.issued.getAndIncrement() < this.maxRequests) {
					long begin = System.nanoTime();
					try {
						if (this.socket == null) {
							connect();
						}
						this.out.write(HttpLoad.this.request);
						this.out.flush();
						boolean keepAlive = readResponse();
						record(System.nanoTime() - begin);
						if (!keepAlive) {
							disconnect();
						}
					}
					catch (IOException ex) {
						this.unexpected.incrementAndGet();
						disconnect();
					}
					if (this.pauseNanos > 0) {
						LockSupport.parkNanos(this.pauseNanos);
					}
				}
			}
			finally {
				disconnect();
			}
		}

		private void connect() throws IOException {
			this.socket = new Socket(InetAddress.getLoopbackAddress(), HttpLoad.this.port);
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout(30_000);
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
			this.out = this.socket.getOutputStream();
		}

		private void disconnect() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
				this.socket = null;
			}
		}

		private void record(long nanos) {
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = nanos;
		}

		private boolean readResponse() throws IOException {
			String statusLine = readLine(this.in);
			int status = Integer.parseInt(statusLine.substring(9, 12));
			if (status == HttpLoad.this.expectedStatus) {
				this.matched.incrementAndGet();
			}
			else {
				this.unexpected.incrementAndGet();
			}
			long contentLength = -1;
			boolean chunked = false;
			boolean close = false;
			for (String line = readLine(this.in); !line.isEmpty(); line = readLine(this.in)) {
				int colon = line.indexOf(':');
				String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
				switch (name) {
					case "content-length" -> contentLength = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.contains("chunked");
					case "connection" -> close = value.contains("close");
					default -> {
					}
				}
			}
			if (chunked) {
				for (long size = chunkSize(); size > 0; size = chunkSize()) {
					skip(this.in, size);
					readLine(this.in);
				}
				while (!readLine(this.in).isEmpty()) {
					// trailers
				}
			}
			else if (contentLength > 0) {
				skip(this.in, contentLength);
			}
			return !close;
		}

		private long chunkSize() throws IOException {
			String line = readLine(this.in);
			int extension = line.indexOf(';');
			return Long.parseLong((extension >= 0) ? line.substring(0, extension) : line, 16);
		}

	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("Connection closed by the server");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private static void skip(InputStream in, long bytes) throws IOException {
		long remaining = bytes;
		while (remaining > 0) {
			long skipped = in.skip(remaining);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new EOFException("Connection closed by the server");
				}
				skipped = 1;
			}
			remaining -= skipped;
		}
	}

}
