package dev.errortracking.logging;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import dev.errortracking.context.app.ContextTestApplication;
import dev.errortracking.context.app.TestClient;
import dev.errortracking.web.ErrorLogger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logged stack traces of server errors in a real application, in the readable and the JSON format: one ERROR line
 * per failure, framework frames folded, and a repeat within the window as one short line with a count.
 */
@ExtendWith(OutputCaptureExtension.class)
class StackTraceLoggingIntegrationTests {

	private static final Pattern LOG_LINE_START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT.*");

	private ConfigurableApplicationContext context;

	private TestClient client;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		LoggingSystemReset.reset();
	}

	@Test
	void readableLinesFoldFrameworkFramesAndShortenRepeats(CapturedOutput output) {
		start("dev");
		fail("text-1");
		fail("text-2");
		List<String> first = textEvent(output, "text-1");
		List<String> second = textEvent(output, "text-2");
		assertThat(first.get(0)).contains(" ERROR ").contains(ErrorLogger.LOGGER_NAME);
		assertThat(String.join("\n", first)).contains("java.lang.IllegalStateException: order text-1 broke")
			.contains("ContextTestApplication$OrderController.order")
			.contains("frames excluded")
			.doesNotContain("org.apache.catalina.core.ApplicationFilterChain");
		assertThat(first.size()).isLessThan(60);
		assertThat(first).noneMatch((line) -> line.contains("~["));
		assertThat(loggerContext().isPackagingDataEnabled()).isFalse();
		assertThat(second.get(0)).contains(" ERROR ").contains(ErrorLogger.LOGGER_NAME);
		assertThat(second.subList(1, second.size())).filteredOn((line) -> !line.isBlank())
			.singleElement()
			.satisfies((line) -> assertThat(line).matches("java.lang.IllegalStateException: order text-2 broke "
					+ "\\[same stack trace as \\d+ (ms|s) ago, 1 time since\\]"));
	}

	@Test
	void jsonLinesCarryTheSameShortFormInStackTrace(CapturedOutput output) {
		start("prod");
		fail("json-1");
		fail("json-2");
		fail("json-3");
		String first = (String) jsonErrorLine(output, "json-1").get("stack_trace");
		String third = (String) jsonErrorLine(output, "json-3").get("stack_trace");
		assertThat(first).startsWith("java.lang.IllegalStateException: order json-1 broke")
			.contains("ContextTestApplication$OrderController.order")
			.contains("frames excluded");
		assertThat(third).matches("java.lang.IllegalStateException: order json-3 broke \\[same stack trace as \\d+ "
				+ "(ms|s) ago, 2 times since\\]\\R?");
	}

	@Test
	void zeroRepeatWindowLogsEveryStackTrace(CapturedOutput output) {
		start("dev", "--error-tracking.logging.stack-trace.repeat-window=0");
		fail("zero-1");
		fail("zero-2");
		assertThat(String.join("\n", textEvent(output, "zero-2")))
			.contains("ContextTestApplication$OrderController.order")
			.doesNotContain("same stack trace");
	}

	@Test
	void switchedOffLeavesSpringBootsFullStackTrace(CapturedOutput output) {
		start("dev", "--error-tracking.logging.stack-trace.enabled=false");
		fail("full-1");
		fail("full-2");
		assertThat(String.join("\n", textEvent(output, "full-2")))
			.contains("org.apache.catalina.core.ApplicationFilterChain")
			.contains(".jar:")
			.doesNotContain("same stack trace")
			.doesNotContain("frames excluded");
		assertThat(loggerContext().isPackagingDataEnabled()).isTrue();
	}

	@Test
	void jarVersionsCanBeKept(CapturedOutput output) {
		start("dev", "--error-tracking.logging.stack-trace.jar-versions=true");
		fail("jars-1");
		assertThat(loggerContext().isPackagingDataEnabled()).isTrue();
		assertThat(String.join("\n", textEvent(output, "jars-1")))
			.containsPattern("OrderController\\.order\\(ContextTestApplication\\.java:\\d+\\) ~\\[test-classes/")
			.contains("frames excluded");
	}

	private static LoggerContext loggerContext() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

	private void start(String profile, String... arguments) {
		LoggingSystemReset.reset();
		List<String> args = new ArrayList<>(List.of(arguments));
		args.add("--server.port=0");
		this.context = new SpringApplicationBuilder(ContextTestApplication.class).profiles(profile)
			.run(args.toArray(String[]::new));
		this.client = new TestClient(((WebServerApplicationContext) this.context).getWebServer().getPort());
		// the first request of an application passes through lazy initialization, a stack trace of its own
		assertThat(this.client.send(this.client.get("/orders/warm-up", "alice")).statusCode()).isEqualTo(200);
	}

	private void fail(String id) {
		HttpResponse<String> response = this.client
			.send(this.client.get("/orders/" + id + "?fail=500", "alice", "X-Request-Id", id));
		assertThat(response.statusCode()).isEqualTo(500);
	}

	/** The ERROR line of {@code requestId} and the lines after it up to the next log line. */
	private static List<String> textEvent(CapturedOutput output, String requestId) {
		List<String> lines = output.getOut().lines().toList();
		List<Integer> starts = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(" ERROR ") && lines.get(i).contains("[" + requestId)) {
				starts.add(i);
			}
		}
		assertThat(starts).as("ERROR lines of %s", requestId).hasSize(1);
		List<String> event = new ArrayList<>();
		event.add(lines.get(starts.get(0)));
		for (int i = starts.get(0) + 1; i < lines.size() && !LOG_LINE_START.matcher(lines.get(i)).matches(); i++) {
			event.add(lines.get(i));
		}
		return event;
	}

	private static Map<String, Object> jsonErrorLine(CapturedOutput output, String requestId) {
		List<Map<String, Object>> lines = TestClient.jsonLines(output.getOut())
			.stream()
			.filter((line) -> requestId.equals(line.get("request_id")))
			.filter((line) -> "ERROR".equals(line.get("level")))
			.toList();
		assertThat(lines).as("ERROR lines of %s", requestId).hasSize(1);
		assertThat(lines.get(0)).containsEntry("logger_name", ErrorLogger.LOGGER_NAME);
		return lines.get(0);
	}

}
