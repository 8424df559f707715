package dev.errortracking.logging;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The includable logback appenders shipped in the jar, loaded from a logback configuration of an application.
 */
class LogbackAppenderSnippetsTests {

	private final ObjectMapper objectMapper = new ObjectMapper();

	@TempDir
	Path directory;

	@Test
	@SuppressWarnings("unchecked")
	void jsonFileAndLogstashAppendersWriteJsonLines() throws Exception {
		Path logFile = this.directory.resolve("app.log");
		try (ServerSocket logstash = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			logstash.setSoTimeout(20_000);
			LoggerContext context = configure("""
					<configuration>
						<property name="LOG_FILE" value="%s"/>
						<property name="LOGSTASH_DESTINATION" value="127.0.0.1:%d"/>
						<include resource="dev/errortracking/logging/logback/json-console-appender.xml"/>
						<include resource="dev/errortracking/logging/logback/json-file-appender.xml"/>
						<include resource="dev/errortracking/logging/logback/logstash-tcp-appender.xml"/>
						<root level="INFO">
							<appender-ref ref="JSON_CONSOLE"/>
							<appender-ref ref="JSON_FILE"/>
							<appender-ref ref="LOGSTASH"/>
						</root>
					</configuration>
					""".formatted(logFile, logstash.getLocalPort()));
			try {
				assertThat(context.getStatusManager().getCopyOfStatusList())
					.noneMatch((status) -> status.getLevel() >= ch.qos.logback.core.status.Status.WARN);
				Logger logger = context.getLogger("orders");
				context.getMDCAdapter().put("request_id", "snippet-1");
				logger.atWarn().addKeyValue("error_code", "NOT_FOUND").log("no order");
				try (Socket connection = logstash.accept();
						BufferedReader reader = new BufferedReader(
								new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
					Map<String, Object> shipped = this.objectMapper.readValue(reader.readLine(), Map.class);
					assertThat(shipped).containsEntry("message", "no order")
						.containsEntry("request_id", "snippet-1")
						.containsEntry("error_code", "NOT_FOUND");
				}
			}
			finally {
				context.stop();
			}
		}
		List<String> lines = Files.readAllLines(logFile);
		assertThat(lines).hasSize(1);
		Map<String, Object> written = this.objectMapper.readValue(lines.get(0), Map.class);
		assertThat(written).containsEntry("message", "no order").containsEntry("level", "WARN");
	}

	private LoggerContext configure(String xml) throws Exception {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(context);
		Path config = Files.writeString(this.directory.resolve("logback.xml"), xml);
		configurator.doConfigure(config.toFile());
		return context;
	}

}
