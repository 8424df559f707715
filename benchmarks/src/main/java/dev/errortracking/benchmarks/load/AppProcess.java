package dev.errortracking.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An application under test, started as a JVM process of its own on a free loopback port, its console output
 * going to a log file.
 */
final class AppProcess implements AutoCloseable {

	/** The JVM flags every application under test gets, so that only the application differs. */
	static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-Xss512k");

	private static final Pattern ERROR_LINE = Pattern
		.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+ERROR\\s.*|^\\{.*\"level\":\"ERROR\".*");

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private AppProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Start a JVM.
	 * @param name the name shown in reports and used for the log file
	 * @param launch what follows the JVM flags: {@code -jar app.jar} or {@code -cp … MainClass}
	 * @param arguments application arguments; {@code --server.port} is added
	 * @param logDirectory where the console output goes
	 */
	static AppProcess start(String name, List<String> launch, List<String> arguments, Path logDirectory) {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_FLAGS);
		String extraFlags = System.getenv("BENCHMARK_EXTRA_JVM_FLAGS");
		if (extraFlags != null && !extraFlags.isBlank()) {
			command.addAll(List.of(extraFlags.trim().split("\\s+")));
		}
		command.addAll(launch);
		command.addAll(arguments);
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		try {
			Files.createDirectories(logDirectory);
			Path log = logDirectory.resolve(name.replaceAll("[^A-Za-z0-9.-]", "_") + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new AppProcess(name, process, port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	/** Wait until the application answers HTTP on its port. */
	AppProcess awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + ", see "
						+ this.log);
			}
			if (answers()) {
				return this;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException(this.name + " did not start within " + timeout + ", see " + this.log);
	}

	private boolean answers() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write("GET /readiness-probe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			return socket.getInputStream().read() >= 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The number of ERROR log events in the console output so far, in the readable or the JSON format. */
	long errorLines() throws IOException {
		try (Stream<String> lines = Files.lines(this.log, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> ERROR_LINE.matcher(line).matches()).count();
		}
	}

	/** The size of the console output so far in bytes. */
	long logBytes() throws IOException {
		return Files.size(this.log);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
