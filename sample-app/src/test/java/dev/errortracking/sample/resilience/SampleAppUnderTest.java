package dev.errortracking.sample.resilience;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sentry.Sentry;
import io.sentry.SentryOptions;

import dev.errortracking.sample.SampleApplication;
import dev.errortracking.test.SentryReceiver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample app started on its own for one scenario, with the real Sentry SDK reporting to a {@link SentryReceiver}
 * on loopback, and the measurements the scenarios share.
 */
final class SampleAppUnderTest implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	/**
	 * Switches the limit of events per kind of failure off, for tests that follow every failure to its own event;
	 * the limit itself is tested with the shipped configuration.
	 */
	static final String EVERY_FAILURE_AN_EVENT = "error-tracking.sentry.repeat-limit.enabled=false";

	private SampleAppUnderTest(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Start the app with its shipped configuration, reporting to {@code receiver}; {@code properties} are
	 * {@code name=value} pairs that override it.
	 */
	static SampleAppUnderTest start(SentryReceiver receiver, String... properties) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.jmx.enabled=false", "--sentry.dsn=" + receiver.dsn(),
				// the production rate: transactions share the transport with the events
				"--sentry.traces-sample-rate=0.05",
				// every 500 is still logged at ERROR (and seen by Sentry's appender), with a short stack trace
				"--logging.exception-conversion-word=%wEx{3}"));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		return new SampleAppUnderTest(
				new SpringApplicationBuilder(SampleApplication.class).run(arguments.toArray(String[]::new)));
	}

	int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** How long closing may take: the SDK's waits for pending events and for its sender, plus two seconds. */
	static Duration shutdownBound() {
		SentryOptions options = Sentry.getCurrentScopes().getOptions();
		return Duration.ofMillis(options.getShutdownTimeoutMillis() + options.getFlushTimeoutMillis())
			.plusSeconds(2);
	}

	/** Close the app and return how long it took. */
	Duration closeTimed() {
		long start = System.nanoTime();
		this.context.close();
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** Heap in use after a full collection, in bytes. */
	static long heapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Live threads of this JVM. */
	static int liveThreads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

}
