package dev.errortracking.logging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogstashJsonEncoder} and {@link LogstashJsonFormatter}.
 */
class LogstashJsonEncoderTests {

	private final LoggerContext context = new LoggerContext();

	LogstashJsonEncoderTests() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
	}

	@Test
	@SuppressWarnings("unchecked")
	void writesKeyValuePairsWithoutContextPropertiesAndAppliesCustomizers() throws Exception {
		this.context.putProperty("CONSOLE_LOG_PATTERN", "%m%n");
		LogstashJsonEncoder encoder = new LogstashJsonEncoder();
		encoder.setContext(this.context);
		encoder.start();
		LoggingEvent event = event(null);
		event.addKeyValuePair(new KeyValuePair("error_code", "NOT_FOUND"));
		event.addKeyValuePair(new KeyValuePair("http_status", 404));
		Map<String, Object> json = new ObjectMapper().readValue(encoder.encode(event), Map.class);
		assertThat(json).containsEntry("error_code", "NOT_FOUND")
			.containsEntry("http_status", 404)
			.containsEntry("customized", true)
			.doesNotContainKey("CONSOLE_LOG_PATTERN");
	}

	@Test
	void stackTracesAreRootCauseFirstWithFrameworkFramesFolded() {
		LogstashJsonEncoder encoder = new LogstashJsonEncoder();
		encoder.setContext(this.context);
		encoder.start();
		IllegalStateException failure = new IllegalStateException("outer", new IllegalArgumentException("root"));
		failure.setStackTrace(new StackTraceElement[] { frame("com.example.Orders", "place"),
				frame("org.springframework.web.servlet.FrameworkServlet", "service"),
				frame("org.apache.catalina.core.ApplicationFilterChain", "doFilter"),
				frame("org.apache.tomcat.util.threads.TaskThread", "run") });
		String line = new String(encoder.encode(event(failure)), StandardCharsets.UTF_8);
		assertThat(line).contains("IllegalArgumentException: root")
			.contains("com.example.Orders.place")
			.contains("3 frames excluded")
			.doesNotContain("ApplicationFilterChain");
		assertThat(line.indexOf("IllegalArgumentException")).isLessThan(line.indexOf("IllegalStateException"));
	}

	@Test
	void stackTracesLoseSecretsFromTheMessagesOfEveryCause() {
		LogstashJsonEncoder encoder = new LogstashJsonEncoder();
		encoder.setContext(this.context);
		encoder.start();
		IllegalStateException failure = new IllegalStateException("saving order of alice@example.com failed",
				new IllegalArgumentException("Key (email)=(bob@example.com) already exists"));
		failure.setStackTrace(new StackTraceElement[] { frame("com.example.Orders", "place") });
		String line = new String(encoder.encode(event(failure)), StandardCharsets.UTF_8);
		assertThat(line).doesNotContain("alice@example.com", "bob@example.com")
			.contains("IllegalStateException: saving order of [Filtered] failed")
			.contains("IllegalArgumentException: Key (email)=([Filtered]) already exists")
			.contains("com.example.Orders.place");
	}

	@Test
	void formatterWritesOneJsonLine() {
		String line = new LogstashJsonFormatter().format(event(null));
		assertThat(line).startsWith("{").endsWith("}" + System.lineSeparator()).contains("\"message\":\"hello\"");
	}

	private LoggingEvent event(Throwable throwable) {
		Logger logger = this.context.getLogger("test");
		return new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "hello", throwable, null);
	}

	private static StackTraceElement frame(String type, String method) {
		return new StackTraceElement(type, method, type + ".java", 1);
	}

	/** Marks every encoder it customizes, to prove customizers registered in spring.factories are applied. */
	public static class RecordingCustomizer implements LogstashEncoderCustomizer {

		@Override
		public void customize(LogstashEncoder encoder) {
			encoder.setCustomFields("{\"customized\":true}");
		}

	}

}
