package dev.errortracking.logging;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

import dev.errortracking.privacy.PrivacyRules;
import dev.errortracking.privacy.PrivacyScrubber;
import dev.errortracking.privacy.ValueRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maskers and converters configured with the logback XML that the documentation shows, writing through real
 * encoders: JSON lines from logstash-logback-encoder and pattern lines.
 */
class LogMaskingTests {

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl";

	private static final List<String> SECRETS = List.of("alice@example.com", "bob@example.com", "hunter2",
			"4111111111111111", "203.0.113.7", JWT, "s3cr3t-mdc", "kv-pass", "arg-token-123", "DE89370400440532013000",
			"erin@example.com", "nested-pass-9", "frank@example.com");

	@TempDir
	Path directory;

	private LoggerContext context;

	@BeforeEach
	void configure() throws JoranException {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.context.putProperty("LOG_DIR", this.directory.toString());
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.context);
		configurator.doConfigure(getClass().getResource("logback-scrubbing.xml"));
		this.context.start();
	}

	@AfterEach
	void stop() {
		this.context.stop();
		MDC.clear();
	}

	@Test
	void jsonAndPatternLinesLoseEverySecret() throws IOException {
		logEverything();
		String json = read("json.log");
		String console = read("console.log");
		assertThat(SECRETS).allSatisfy((secret) -> {
			assertThat(json).doesNotContain(secret);
			assertThat(console).doesNotContain(secret);
		});
		assertThat(read("json-decorated.log")).isEqualTo(json);
		assertThat(json).contains("\"message\":\"Login failed for [Filtered] from [Filtered]\"",
				"\"request_id\":\"req-1\"", "\"api_token\":\"[Filtered]\"", "\"password\":\"[Filtered]\"",
				"\"order_id\":42", "\"card\":\"[Filtered]\"", "\"stack_trace\":\"java.lang.IllegalStateException: "
						+ "Key (email)=([Filtered]) already exists",
				"\"credentials\":\"[Filtered]\"", "\"iban\":\"[Filtered]\"", "\"contact\":\"[Filtered]\"",
				"\"account\":{\"id\":\"acct-1\",\"email\":\"[Filtered]\"}");
		assertThat(console).contains("Login failed for [Filtered] from [Filtered]", "request_id=req-1",
				"api_token=[Filtered]", "password=\"[Filtered]\"",
				"java.lang.IllegalStateException: Key (email)=([Filtered]) already exists", "order_id=\"42\"");
	}

	@Test
	void theSameLinesWithoutMaskingStillHoldTheSecrets() throws IOException {
		logEverything();
		String unmasked = read("unmasked.log");
		assertThat(unmasked).contains("alice@example.com", "hunter2", "4111111111111111", "s3cr3t-mdc", "kv-pass",
				"bob@example.com", "erin@example.com", "nested-pass-9", "frank@example.com");
	}

	@Test
	void rawJsonValuesAreScrubbedAsJsonAndStayJson() throws IOException {
		this.context.getLogger("test")
			.info("raw values",
					StructuredArguments.raw("order",
							"{\"note\":\"call erin@example.com\",\"items\":[{\"password\":\"raw-pass-1\"}],\"total\":12}"),
					StructuredArguments.raw("api_token", "\"raw-token-2\""),
					StructuredArguments.raw("broken", "{\"email\": \"gina@example.com\""));
		String line = read("json-decorated.log").strip();
		assertThat(line).doesNotContain("erin@example.com", "raw-pass-1", "raw-token-2", "gina@example.com")
			.contains("\"order\":{\"note\":\"call [Filtered]\",\"items\":[{\"password\":\"[Filtered]\"}],\"total\":12}",
					"\"api_token\":\"[Filtered]\"", "\"broken\":\"[Filtered]\"");
		assertThat(new ObjectMapper().readTree(line).get("order").get("total").asInt()).isEqualTo(12);
		assertThat(read("unmasked.log")).contains("raw-pass-1", "raw-token-2", "gina@example.com");
	}

	@Test
	void namesInsideNestedObjectsAreScrubbedAndTheLinesOwnNamesAreNot() throws IOException {
		MDC.put("request_id", "req-9");
		this.context.getLogger("test")
			.atInfo()
			.addKeyValue("orders_by_customer", Map.of("helen@example.com", 3))
			.addKeyValue("holders_by_card", Map.of(4111111111111111L, "card on file"))
			.log("orders counted");
		String line = read("json-decorated.log");
		assertThat(line).doesNotContain("helen@example.com", "4111111111111111")
			.contains("\"orders_by_customer\":{\"[Filtered]\":3}",
					"\"holders_by_card\":{\"[Filtered]\":\"card on file\"}", "\"request_id\":\"req-9\"",
					"\"message\":\"orders counted\"");
		assertThat(read("unmasked.log")).contains("helen@example.com", "\"4111111111111111\":\"card on file\"");
	}

	@Test
	void binaryValuesAreReplacedForNoRuleCanReadThemAndCharacterArraysAreScrubbedAsText() throws IOException {
		byte[] body = "password=bin-pass-1&email=ivy@example.com".getBytes(StandardCharsets.UTF_8);
		String encoded = Base64.getEncoder().encodeToString(body);
		this.context.getLogger("test")
			.atInfo()
			.addKeyValue("payload", body)
			.addKeyValue("upload", new Upload("avatar.png", body))
			.addKeyValue("note", "call ivy@example.com".toCharArray())
			.log("body received");
		String line = read("json-decorated.log");
		assertThat(line).doesNotContain(encoded)
			.contains("\"payload\":\"[Filtered]\"", "\"upload\":{\"name\":\"avatar.png\",\"content\":\"[Filtered]\"}",
					"\"note\":\"call [Filtered]\"", "\"message\":\"body received\"");
		assertThat(read("unmasked.log")).contains("\"payload\":\"" + encoded + "\"", "call ivy@example.com");
	}

	@Test
	void theInstalledRulesReplaceTheDefaults() throws IOException {
		PrivacyScrubber custom = new PrivacyScrubber(PrivacyRules.builder().replacement("***").build());
		LogScrubber.install(custom);
		try {
			this.context.getLogger("test").info("mail alice@example.com");
		}
		finally {
			LogScrubber.uninstall(custom);
		}
		this.context.getLogger("test").info("mail bob@example.com");
		assertThat(read("json.log")).contains("mail ***", "mail [Filtered]");
		assertThat(read("json-decorated.log")).contains("mail ***", "mail [Filtered]");
		assertThat(LogScrubber.get()).isSameAs(LogScrubber.defaults());
	}

	@Test
	void keysMadeSensitiveLaterApplyToFieldsAlreadyWritten() throws IOException {
		Logger logger = this.context.getLogger("test");
		logger.atInfo().addKeyValue("order_id", 42).addKeyValue("note", "n-1").log("first");
		PrivacyScrubber custom = new PrivacyScrubber(PrivacyRules.builder()
			.sensitiveKeys(List.of("order_id", "note"))
			.build());
		LogScrubber.install(custom);
		try {
			logger.atInfo().addKeyValue("order_id", 987654).addKeyValue("note", "second-note").log("second");
		}
		finally {
			LogScrubber.uninstall(custom);
		}
		String json = read("json-decorated.log");
		assertThat(json).contains("\"order_id\":42", "\"note\":\"n-1\"", "\"order_id\":\"[Filtered]\"",
				"\"note\":\"[Filtered]\"");
		assertThat(json).doesNotContain("987654", "second-note");
	}

	@Test
	void aValueFoundCleanIsLookedAtAgainInTheNextLineAndUnderOtherRules() throws IOException {
		Logger logger = this.context.getLogger("test");
		String reference = new String("ord-778");
		logger.atInfo().addKeyValue("ref", reference).log("first");
		logger.atInfo().addKeyValue("ref", "al@b.io").log("second, as long as the first");
		logger.atInfo().addKeyValue("ref", new String("alice@example.com")).log("second again");
		PrivacyScrubber custom = new PrivacyScrubber(
				PrivacyRules.builder().rule(ValueRule.of("order-reference", "ord-\\d+")).build());
		LogScrubber.install(custom);
		try {
			logger.atInfo().addKeyValue("ref", reference).log("third");
			logger.atInfo().addKeyValue("ref", new String("ord-778")).log("third again");
		}
		finally {
			LogScrubber.uninstall(custom);
		}
		String json = read("json-decorated.log");
		assertThat(json.lines()).hasSize(5);
		assertThat(json.lines().toList().get(0)).contains("\"ref\":\"ord-778\"");
		assertThat(json.lines().toList().subList(1, 3))
			.allSatisfy((line) -> assertThat(line).contains("\"ref\":\"[Filtered]\"").doesNotContain("al@", "alice"));
		assertThat(json.lines().toList().subList(3, 5))
			.allSatisfy((line) -> assertThat(line).contains("\"ref\":\"[Filtered]\"").doesNotContain("ord-77"));
	}

	@Test
	void valuesOfEveryNumberTypeUnderASensitiveKeyAreMaskedAndCardNumbersOfEveryTypeToo() throws IOException {
		this.context.getLogger("test")
			.atInfo()
			.addKeyValue("password", (short) 7351)
			.addKeyValue("pin_secret", (byte) 91)
			.addKeyValue("api_key", 8264.5f)
			.addKeyValue("secret_ratio", 0.4217d)
			.addKeyValue("token", new BigDecimal("6072.25"))
			.addKeyValue("credentials", new AtomicInteger(3389))
			.addKeyValue("auth_flag", Boolean.FALSE)
			.addKeyValue("card_decimal", new BigDecimal("4111111111111111"))
			.addKeyValue("card_big", new BigInteger("4111111111111111"))
			.addKeyValue("card_atomic", new AtomicLong(4111111111111111L))
			.addKeyValue("quantity", (short) 12)
			.addKeyValue("price", new BigDecimal("19.99"))
			.addKeyValue("weight", 2.5f)
			.log("numbers");
		for (String file : List.of("json-decorated.log", "json.log")) {
			String json = read(file);
			assertThat(json).contains("\"password\":\"[Filtered]\"", "\"pin_secret\":\"[Filtered]\"",
					"\"api_key\":\"[Filtered]\"", "\"secret_ratio\":\"[Filtered]\"", "\"token\":\"[Filtered]\"",
					"\"credentials\":\"[Filtered]\"",
					"\"card_decimal\":\"[Filtered]\"", "\"card_big\":\"[Filtered]\"",
					"\"card_atomic\":\"[Filtered]\"", "\"quantity\":12", "\"price\":19.99", "\"weight\":2.5");
		}
		assertThat(read("json-decorated.log")).contains("\"auth_flag\":\"[Filtered]\"");
	}

	@Test
	void everySensitiveTopLevelFieldIsMaskedWhenTheLineHasMoreFieldsThanAreRemembered() throws IOException {
		Logger logger = this.context.getLogger("test");
		for (int i = 0; i < 150; i++) {
			MDC.put(((i % 3 == 0) ? "session_token_" : "field_") + i, "value-" + i);
		}
		for (int line = 0; line < 3; line++) {
			logger.info("line {}", line);
		}
		List<String> lines = read("json-decorated.log").lines().toList();
		assertThat(lines).hasSize(3).allSatisfy((json) -> {
			for (int i = 0; i < 150; i++) {
				if (i % 3 == 0) {
					assertThat(json).contains("\"session_token_" + i + "\":\"[Filtered]\"")
						.doesNotContain("value-" + i + "\"");
				}
				else {
					assertThat(json).contains("\"field_" + i + "\":\"value-" + i + "\"");
				}
			}
		});
	}

	private void logEverything() {
		Logger logger = this.context.getLogger("dev.errortracking.Test");
		MDC.put("request_id", "req-1");
		MDC.put("api_token", "s3cr3t-mdc");
		MDC.put("client", "203.0.113.7");
		Exception failure = new IllegalStateException("Key (email)=(bob@example.com) already exists",
				new RuntimeException("card 4111111111111111 declined"));
		logger.atError()
			.addKeyValue("password", "kv-pass")
			.addKeyValue("order_id", 42)
			.addKeyValue("card", 4111111111111111L)
			.setCause(failure)
			.log("Login failed for {} from {}", "alice@example.com", "203.0.113.7");
		logger.info("Request {} {}", StructuredArguments.keyValue("credentials", "hunter2"),
				StructuredArguments.entries(Map.of("iban", "DE89370400440532013000", "auth", JWT)));
		logger.info("token passed as argument: {}", StructuredArguments.value("note", "token=arg-token-123"));
		logger.info("Customer saved", StructuredArguments.keyValue("customer",
				Map.of("contact", "erin@example.com", "password", "nested-pass-9")),
				StructuredArguments.keyValue("account", new Account("acct-1", "frank@example.com")));
	}

	record Account(String id, String email) {
	}

	record Upload(String name, byte[] content) {
	}

	private String read(String name) throws IOException {
		this.context.stop();
		return Files.readString(this.directory.resolve(name), StandardCharsets.UTF_8);
	}

}
