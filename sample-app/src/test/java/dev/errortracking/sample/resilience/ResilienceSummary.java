package dev.errortracking.sample.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Collects one line of figures per resilience scenario and prints them, with a closing line of passed and failed
 * scenarios, once every test of the run has finished.
 */
public final class ResilienceSummary implements BeforeAllCallback, TestWatcher {

	private static final String PREFIX = "[resilience] ";

	private static final List<String> lines = new ArrayList<>();

	private static final AtomicInteger passed = new AtomicInteger();

	private static final AtomicInteger failed = new AtomicInteger();

	/** Record the figures of {@code scenario}, printed as {@code [resilience] scenario key=value ...}. */
	static void record(String scenario, Map<String, ?> figures) {
		String line = scenario + " " + figures.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(" "));
		synchronized (lines) {
			lines.add(line);
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.create(ResilienceSummary.class))
			.getOrComputeIfAbsent(Printer.class, (key) -> new Printer(), Printer.class);
	}

	@Override
	public void testSuccessful(ExtensionContext context) {
		passed.incrementAndGet();
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		failed.incrementAndGet();
	}

	@Override
	public void testAborted(ExtensionContext context, Throwable cause) {
		failed.incrementAndGet();
	}

	private static final class Printer implements ExtensionContext.Store.CloseableResource {

		@Override
		public void close() {
			StringBuilder summary = new StringBuilder(System.lineSeparator()).append("Resilience summary")
				.append(System.lineSeparator());
			synchronized (lines) {
				lines.forEach((line) -> summary.append(PREFIX).append(line).append(System.lineSeparator()));
			}
			summary.append("resilience: ").append(passed.get()).append(" passed, ").append(failed.get())
				.append(" failed");
			System.out.println(summary);
		}

	}

}
