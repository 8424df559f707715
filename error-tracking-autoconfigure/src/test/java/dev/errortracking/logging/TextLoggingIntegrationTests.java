package dev.errortracking.logging;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import dev.errortracking.context.app.ContextTestApplication;
import dev.errortracking.context.app.TestClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's readable console lines, with the request id, from a real application in development.
 */
@ExtendWith(OutputCaptureExtension.class)
class TextLoggingIntegrationTests {

	private static ConfigurableApplicationContext context;

	private static TestClient client;

	@BeforeAll
	static void start() {
		LoggingSystemReset.reset();
		context = new SpringApplicationBuilder(ContextTestApplication.class).profiles("dev").run("--server.port=0");
		client = new TestClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		context.close();
		LoggingSystemReset.reset();
	}

	@Test
	void consoleLinesAreReadableAndShowTheRequestId(CapturedOutput output) {
		HttpResponse<String> response = client.send(client.get("/orders/5?fail=404", "alice", "X-Request-Id",
				"text-dev-1"));
		assertThat(response.statusCode()).isEqualTo(404);
		List<String> lines = output.getOut().lines().filter((line) -> line.contains("[text-dev-1")).toList();
		assertThat(lines).anySatisfy((line) -> assertThat(line).matches(
				"^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+INFO .*\\[text-dev-1\\s*\\] .*OrderController\\s*: order 5 requested$"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains(" WARN ")
			.contains("dev.errortracking.ErrorLog")
			.endsWith(": GET /orders/{id} -> 404 NOT_FOUND: NotFoundException: No order 5"));
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith("{"));
	}

	@Test
	void aMessageLongerThanWhatSentryKeepsIsWrittenWholeAndStillScrubbed(CapturedOutput output) {
		String filler = "word ".repeat(20_000);
		LoggerFactory.getLogger("long-message").info("start {}mail alice@example.com end-of-long-message", filler);
		assertThat(output.getOut()).contains("start " + filler + "mail [Filtered] end-of-long-message")
			.doesNotContain("alice@example.com");
	}

}
