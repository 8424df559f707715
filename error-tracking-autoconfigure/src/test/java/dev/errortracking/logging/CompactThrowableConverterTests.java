package dev.errortracking.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompactThrowableConverter}.
 */
class CompactThrowableConverterTests {

	private static final long T0 = 1_700_000_000_000L;

	private final LoggerContext context = new LoggerContext();

	@Test
	void foldsFrameworkFramesAndPutsTheRootCauseFirst() {
		CompactThrowableConverter converter = started(StackTraceSettings.DEFAULTS);
		IllegalStateException failure = new IllegalStateException("outer", new IllegalArgumentException("root"));
		failure.setStackTrace(new StackTraceElement[] { frame("com.example.Orders", "place"),
				frame("com.example.Orders$$SpringCGLIB$$0", "place"),
				frame("org.springframework.web.servlet.FrameworkServlet", "service"),
				frame("org.springframework.security.web.FilterChainProxy", "doFilter"),
				frame("org.apache.catalina.core.ApplicationFilterChain", "doFilter"),
				frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke"),
				frame("org.apache.tomcat.util.threads.TaskThread", "run") });
		String trace = converter.convert(event(failure, T0));
		assertThat(trace).contains("com.example.Orders.place")
			.contains("6 frames excluded")
			.doesNotContain("FrameworkServlet")
			.doesNotContain("FilterChainProxy")
			.doesNotContain("SpringCGLIB");
		assertThat(trace.indexOf("IllegalArgumentException: root")).isGreaterThanOrEqualTo(0)
			.isLessThan(trace.indexOf("IllegalStateException: outer"));
	}

	@Test
	void boundsTheDepthPerThrowable() {
		CompactThrowableConverter converter = started(new StackTraceSettings(5, 12_000, true, Duration.ZERO));
		String trace = converter.convert(event(deepFailure("com.example.Deep", 30), T0));
		assertThat(trace.lines().filter((line) -> line.contains("com.example.Deep"))).hasSize(5);
		assertThat(trace).contains("25 frames truncated");
	}

	@Test
	void keepsFrameworkFramesWhenFoldingIsOff() {
		CompactThrowableConverter converter = started(new StackTraceSettings(40, 12_000, false, Duration.ZERO));
		IllegalStateException failure = new IllegalStateException("boom");
		failure.setStackTrace(new StackTraceElement[] { frame("com.example.Orders", "place"),
				frame("org.apache.catalina.core.ApplicationFilterChain", "doFilter") });
		assertThat(converter.convert(event(failure, T0))).contains("ApplicationFilterChain").doesNotContain("excluded");
	}

	@Test
	void repeatedStackTraceWithinTheWindowIsOneShortLineWithACount() {
		CompactThrowableConverter converter = started(StackTraceSettings.DEFAULTS);
		String first = converter.convert(event(failureAt("place", "order 1 broke"), T0));
		String second = converter.convert(event(failureAt("place", "order 2 broke"), T0 + 3_000));
		String third = converter.convert(event(failureAt("place", "order 3 broke"), T0 + 4_500));
		assertThat(first).contains("com.example.Orders.place").contains("order 1 broke");
		assertThat(second).isEqualTo("java.lang.IllegalStateException: order 2 broke [same stack trace as 3 s ago, "
				+ "1 time since]" + System.lineSeparator());
		assertThat(third).isEqualTo("java.lang.IllegalStateException: order 3 broke [same stack trace as 4 s ago, "
				+ "2 times since]" + System.lineSeparator());
	}

	@Test
	void stackTraceIsLoggedInFullAgainOnceTheWindowHasPassed() {
		CompactThrowableConverter converter = started(StackTraceSettings.DEFAULTS);
		converter.convert(event(failureAt("place", "a"), T0));
		converter.convert(event(failureAt("place", "b"), T0 + 9_999));
		String afterWindow = converter.convert(event(failureAt("place", "c"), T0 + 10_000));
		String repeatOfThat = converter.convert(event(failureAt("place", "d"), T0 + 10_200));
		assertThat(afterWindow).contains("com.example.Orders.place").doesNotContain("same stack trace");
		assertThat(repeatOfThat).contains("[same stack trace as 200 ms ago, 1 time since]");
	}

	@Test
	void differentStackTracesAreNotTakenForRepeats() {
		CompactThrowableConverter converter = started(StackTraceSettings.DEFAULTS);
		converter.convert(event(failureAt("place", "x"), T0));
		String otherMethod = converter.convert(event(failureAt("cancel", "x"), T0 + 10));
		IllegalArgumentException otherException = new IllegalArgumentException("x");
		otherException.setStackTrace(failureAt("place", "x").getStackTrace());
		String otherType = converter.convert(event(otherException, T0 + 20));
		assertThat(otherMethod).contains("com.example.Orders.cancel").doesNotContain("same stack trace");
		assertThat(otherType).contains("com.example.Orders.place").doesNotContain("same stack trace");
	}

	@Test
	void zeroWindowLogsEveryStackTraceInFull() {
		CompactThrowableConverter converter = started(new StackTraceSettings(40, 12_000, true, Duration.ZERO));
		converter.convert(event(failureAt("place", "a"), T0));
		assertThat(converter.convert(event(failureAt("place", "b"), T0 + 1))).contains("com.example.Orders.place")
			.doesNotContain("same stack trace");
	}

	@Test
	void fullSettingsLogEverythingAsIs() {
		CompactThrowableConverter converter = started(StackTraceSettings.FULL);
		String trace = converter.convert(event(deepFailure("org.apache.catalina.Deep", 120), T0));
		assertThat(trace.lines().filter((line) -> line.contains("org.apache.catalina.Deep"))).hasSize(120);
		assertThat(converter.convert(event(deepFailure("org.apache.catalina.Deep", 120), T0 + 1)))
			.doesNotContain("same stack trace");
	}

	@Test
	void concurrentRepeatsLogExactlyOneFullStackTrace() throws Exception {
		CompactThrowableConverter converter = started(StackTraceSettings.DEFAULTS);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<String>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 400; i++) {
				LoggingEvent event = event(failureAt("place", "order " + i), T0);
				results.add(executor.submit(() -> {
					go.await();
					return converter.convert(event);
				}));
			}
			go.countDown();
			List<String> traces = new ArrayList<>();
			for (Future<String> result : results) {
				traces.add(result.get());
			}
			assertThat(traces).filteredOn((trace) -> trace.contains("same stack trace")).hasSize(399);
			assertThat(traces).filteredOn((trace) -> trace.contains("[same stack trace as"))
				.anySatisfy((trace) -> assertThat(trace).contains(", 399 times since]"));
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void shortFormOfAnExceptionWithoutMessageNamesItsClass() {
		CompactThrowableConverter converter = started(StackTraceSettings.DEFAULTS);
		converter.convert(event(failureAt("place", null), T0));
		assertThat(converter.convert(event(failureAt("place", null), T0 + 1000)))
			.isEqualTo("java.lang.IllegalStateException [same stack trace as 1 s ago, 1 time since]"
					+ System.lineSeparator());
	}

	@Test
	void scrubbedStackTracesLoseSecretsFromTheirMessages() {
		CompactThrowableConverter plain = started(StackTraceSettings.DEFAULTS);
		CompactThrowableConverter scrubbed = started(StackTraceSettings.DEFAULTS);
		scrubbed.setScrubbed(true);
		String message = "Could not process payload {\"email\":\"alice@example.com\"}";
		assertThat(plain.convert(event(failureAt("place", message), T0))).contains("alice@example.com");
		assertThat(scrubbed.convert(event(failureAt("place", message), T0))).contains("Could not process payload")
			.contains("com.example.Orders.place")
			.doesNotContain("alice@example.com");
		assertThat(scrubbed.convert(event(failureAt("place", message), T0 + 10))).contains("same stack trace")
			.doesNotContain("alice@example.com");
	}

	@Test
	void scrubbedStackTracesLoseSecretsFromEveryMessageOfTheChainAndKeepTheirFrames() {
		CompactThrowableConverter converter = started(new StackTraceSettings(40, 12_000, false, Duration.ZERO));
		converter.setScrubbed(true);
		IllegalStateException failure = failureAt("place", "order for alice@example.com failed");
		IllegalArgumentException cause = new IllegalArgumentException("card 4111 1111 1111 1111 declined");
		cause.setStackTrace(new StackTraceElement[] { frame("com.example.Payments4111111111111111", "charge") });
		failure.initCause(cause);
		RuntimeException suppressed = new RuntimeException("rollback for bob@example.com failed");
		suppressed.setStackTrace(new StackTraceElement[] { frame("com.example.Orders", "rollback") });
		failure.addSuppressed(suppressed);
		String trace = converter.convert(event(failure, T0));
		assertThat(trace).doesNotContain("alice@example.com", "bob@example.com", "4111 1111 1111 1111")
			.contains("IllegalStateException: order for [Filtered] failed",
					"IllegalArgumentException: card [Filtered] declined", "RuntimeException: rollback for [Filtered] failed")
			.contains("at com.example.Payments4111111111111111.charge(com.example.Payments4111111111111111.java:1)",
					"at com.example.Orders.rollback(com.example.Orders.java:1)",
					"at org.springframework.web.servlet.FrameworkServlet.service");
	}

	@Test
	void onlyTheStackTraceAScrubbingConverterJustWroteCountsAsScrubbed() {
		CompactThrowableConverter plain = started(StackTraceSettings.DEFAULTS);
		CompactThrowableConverter scrubbed = started(StackTraceSettings.DEFAULTS);
		scrubbed.setScrubbed(true);
		String plainTrace = plain.convert(event(deepFailure("com.example.Orders", 10), T0));
		assertThat(plainTrace).hasSizeGreaterThan(256);
		assertThat(CompactThrowableConverter.isScrubbedOutput(plainTrace)).isFalse();
		String trace = scrubbed.convert(event(deepFailure("com.example.Payments", 10), T0));
		assertThat(trace).hasSizeGreaterThan(256);
		assertThat(CompactThrowableConverter.isScrubbedOutput(new String(trace))).isFalse();
		assertThat(CompactThrowableConverter.isScrubbedOutput(trace)).isTrue();
		assertThat(CompactThrowableConverter.isScrubbedOutput(trace)).isFalse();
	}

	@Test
	void shortStackTracesAreNotHandedOverAndGetScrubbedAgainAsText() {
		CompactThrowableConverter scrubbed = started(StackTraceSettings.DEFAULTS);
		scrubbed.setScrubbed(true);
		IllegalStateException failure = new IllegalStateException("no frames for alice@example.com");
		failure.setStackTrace(new StackTraceElement[0]);
		String trace = scrubbed.convert(event(failure, T0));
		assertThat(trace).hasSizeLessThan(256).contains("[Filtered]").doesNotContain("alice@example.com");
		assertThat(CompactThrowableConverter.isScrubbedOutput(trace)).isFalse();
	}

	@Test
	void readableLayoutsKeepNoScrubbedStackTraceAround() {
		CompactThrowableConverter readable = started(StackTraceSettings.DEFAULTS);
		readable.setScrubbed(true);
		readable.setHandsOverScrubbedOutput(false);
		String trace = readable.convert(event(failureAt("place", "alice@example.com"), T0));
		assertThat(trace).doesNotContain("alice@example.com");
		assertThat(CompactThrowableConverter.isScrubbedOutput(trace)).isFalse();
	}

	@Test
	void leadingLineSeparatorMatchesSpringBootsReadableLayout() {
		CompactThrowableConverter converter = started(StackTraceSettings.DEFAULTS);
		converter.setLeadingLineSeparator(true);
		assertThat(converter.convert(event(failureAt("place", "a"), T0))).startsWith(System.lineSeparator() + "java");
		assertThat(converter.convert(event(null, T0))).isEmpty();
	}

	private CompactThrowableConverter started(StackTraceSettings settings) {
		CompactThrowableConverter converter = new CompactThrowableConverter(settings);
		converter.setContext(this.context);
		converter.start();
		return converter;
	}

	private LoggingEvent event(Throwable throwable, long timestamp) {
		Logger logger = this.context.getLogger("dev.errortracking.ErrorLog");
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "GET /orders -> 500",
				throwable, null);
		event.setTimeStamp(timestamp);
		return event;
	}

	private static IllegalStateException failureAt(String method, String message) {
		IllegalStateException failure = new IllegalStateException(message);
		failure.setStackTrace(new StackTraceElement[] { frame("com.example.Orders", method),
				frame("org.springframework.web.servlet.FrameworkServlet", "service"),
				frame("org.apache.tomcat.util.threads.TaskThread", "run") });
		return failure;
	}

	private static IllegalStateException deepFailure(String type, int depth) {
		StackTraceElement[] frames = new StackTraceElement[depth];
		for (int i = 0; i < depth; i++) {
			frames[i] = frame(type, "level" + i);
		}
		IllegalStateException failure = new IllegalStateException("deep");
		failure.setStackTrace(frames);
		return failure;
	}

	private static StackTraceElement frame(String type, String method) {
		return new StackTraceElement(type, method, type + ".java", 1);
	}

}
