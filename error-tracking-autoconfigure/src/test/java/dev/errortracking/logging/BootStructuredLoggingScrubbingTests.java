package dev.errortracking.logging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.errortracking.context.app.ContextTestApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that chose one of Spring Boot's own structured log formats keeps them, scrubbed by the same rules.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootStructuredLoggingScrubbingTests {

	private static final List<String> SECRETS = List.of("alice@example.com", "203.0.113.7", "kv-pass-55",
			"mdc-token-44", "4111111111111111", "bob@example.com", "carol@example.com", "nested-kv-66",
			"dave@example.com", "helen@example.com");

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		LoggingSystemReset.reset();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ecs", "logstash", "gelf" })
	void everyLineOfTheChosenFormatLosesItsSecrets(String format, CapturedOutput output) {
		String line = logLine(output, "--logging.structured.format.console=" + format,
				"--logging.structured.gelf.host=test-host", "--logging.structured.gelf.service.name=test");
		assertThat(SECRETS).allSatisfy((secret) -> assertThat(line).doesNotContain(secret));
		assertThat(line).startsWith("{")
			.contains("Login failed for [Filtered] from [Filtered]", "structured-req-1", "[Filtered]",
					"Key (email)=([Filtered]) already exists", "\"contact\":\"[Filtered]\"",
					"Account[id=acct-7, email=[Filtered]]");
		assertThat(line).containsAnyOf("\"order_id\":42", "\"_order_id\":42");
		assertThat(line).doesNotContain("112,97,115,115", "\"p\",\"i\",\"n\"")
			.containsAnyOf("\"payload\":\"[Filtered]\"", "\"_payload\":\"[Filtered]\"")
			.containsAnyOf("\"pin\":\"[Filtered]\"", "\"_pin\":\"[Filtered]\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "error-tracking.enabled", "error-tracking.privacy.enabled" })
	void nothingIsScrubbedWhenTheLibraryOrItsPrivacyRulesAreSwitchedOff(String property, CapturedOutput output) {
		String line = logLine(output, "--logging.structured.format.console=ecs", "--" + property + "=false");
		assertThat(line).contains("Login failed for alice@example.com from 203.0.113.7", "kv-pass-55");
	}

	record Account(String id, String email) {
	}

	private String logLine(CapturedOutput output, String... arguments) {
		LoggingSystemReset.reset();
		String[] all = new String[arguments.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		this.context = new SpringApplicationBuilder(ContextTestApplication.class).run(all);
		Logger logger = LoggerFactory.getLogger("dev.errortracking.StructuredTest");
		MDC.put("api_token", "mdc-token-44");
		MDC.put("request_id", "structured-req-1");
		try {
			logger.atWarn()
				.addKeyValue("password", "kv-pass-55")
				.addKeyValue("card", 4111111111111111L)
				.addKeyValue("order_id", 42)
				.addKeyValue("customer", Map.of("contact", "carol@example.com", "password", "nested-kv-66"))
				.addKeyValue("account", new Account("acct-7", "dave@example.com"))
				.addKeyValue("orders_by_customer", Map.of("helen@example.com", 3))
				.addKeyValue("holders_by_card", Map.of(4111111111111111L, "card on file"))
				.addKeyValue("payload", "password=bin-pass-77".getBytes(StandardCharsets.UTF_8))
				.addKeyValue("pin", "pin-chars-88".toCharArray())
				.setCause(new IllegalStateException("Key (email)=(bob@example.com) already exists"))
				.log("Login failed for {} from {}", "alice@example.com", "203.0.113.7");
		}
		finally {
			MDC.clear();
		}
		return output.getOut()
			.lines()
			.filter((candidate) -> candidate.contains("Login failed for"))
			.reduce((first, last) -> last)
			.orElseThrow();
	}

}
