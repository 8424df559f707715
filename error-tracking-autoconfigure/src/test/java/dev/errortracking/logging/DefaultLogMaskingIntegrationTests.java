package dev.errortracking.logging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log output the library sets up by itself, with no logback configuration in the application, is masked by
 * the privacy rules: messages, key/values and the stack trace of a 5xx.
 */
@ExtendWith(OutputCaptureExtension.class)
class DefaultLogMaskingIntegrationTests {

	static final String EMAIL = "mallory.masking@example.com";

	static final String CARD = "4111-1111-1111-1111";

	static final String PASSWORD = "correct-horse-battery";

	static final List<String> SECRETS = List.of(EMAIL, CARD, PASSWORD);

	private ConfigurableApplicationContext context;

	@BeforeEach
	void reset() {
		LoggingSystemReset.reset();
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		LoggingSystemReset.reset();
	}

	@Test
	void jsonLinesAreMasked(CapturedOutput output) throws Exception {
		start("prod");
		int from = output.getOut().length();
		assertThat(get("/charge").statusCode()).isEqualTo(500);
		String log = output.getOut().substring(from);
		assertThat(log).contains("\"message\":\"charging card [Filtered] for [Filtered]\"")
			.contains("\"password\":\"[Filtered]\"")
			.contains("\"error_code\":\"INTERNAL_ERROR\"")
			.contains("IllegalStateException: lookup failed for [Filtered]");
		SECRETS.forEach((secret) -> assertThat(log).doesNotContain(secret));
	}

	@Test
	void readableLinesAreMasked(CapturedOutput output) throws Exception {
		start("dev");
		int from = output.getOut().length();
		assertThat(get("/charge").statusCode()).isEqualTo(500);
		String log = output.getOut().substring(from);
		assertThat(log).contains("charging card [Filtered] for [Filtered]")
			.contains("GET /charge -> 500 INTERNAL_ERROR")
			.contains("IllegalStateException: lookup failed for [Filtered]")
			.doesNotContain("\"message\"");
		SECRETS.forEach((secret) -> assertThat(log).doesNotContain(secret));
	}

	private void start(String profile) {
		this.context = new SpringApplicationBuilder(MaskingTestApplication.class).profiles(profile)
			.run("--server.port=0", "--spring.autoconfigure.exclude="
					+ "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
					+ "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration,"
					+ "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
					+ "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration");
	}

	private HttpResponse<String> get(String path) throws Exception {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ChargeController.class)
	static class MaskingTestApplication {

	}

	@RestController
	static class ChargeController {

		private static final Logger logger = LoggerFactory.getLogger(ChargeController.class);

		@GetMapping("/charge")
		String charge() {
			logger.info("charging card {} for {}", CARD, EMAIL);
			logger.atInfo().addKeyValue("password", PASSWORD).log("signed in");
			throw new IllegalStateException("lookup failed for " + EMAIL);
		}

	}

}
