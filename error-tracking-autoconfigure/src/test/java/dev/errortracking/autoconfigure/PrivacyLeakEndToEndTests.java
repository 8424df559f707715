package dev.errortracking.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.sentry.Attachment;
import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.SentryAttribute;
import io.sentry.SentryAttributes;
import io.sentry.SentryLogLevel;
import io.sentry.logger.SentryLogParameters;
import io.sentry.metrics.SentryMetricsParameters;
import io.sentry.protocol.Feedback;
import io.sentry.protocol.User;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.errortracking.logging.ScrubbingCompositeConverter;
import dev.errortracking.logging.ScrubbingJsonGeneratorDecorator;
import dev.errortracking.logging.ScrubbingMessageConverter;
import dev.errortracking.logging.ScrubbingThrowableConverter;
import dev.errortracking.logging.ScrubbingValueMasker;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planted secrets of every kind, in every position, sent through a real application with the real Sentry SDK at
 * its harshest setting (all personal data, request bodies, tracing, Sentry logs and metrics, user feedback) to a
 * local envelope endpoint over HTTP, and
 * written to JSON and pattern logs: none of them may come out, while the non-secret context does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = PrivacyLeakEndToEndTests.LeakTestApplication.class,
		properties = { "sentry.send-default-pii=true", "sentry.max-request-body-size=always",
				"sentry.traces-sample-rate=1.0", "sentry.logging.minimum-breadcrumb-level=info",
				"sentry.send-client-reports=false", "sentry.logs.enabled=true", "sentry.metrics.enabled=true",
				"spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
						+ "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration,"
						+ "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration,"
						+ "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration" })
class PrivacyLeakEndToEndTests {

	private static final String EMAIL = "alice.leak@example.com";

	private static final String CARD = "4111 1111 1111 1111";

	private static final String IBAN = "DE89370400440532013000";

	private static final String BEARER = "tok0123456789abcdef";

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFrIn0.bGVhay1zaWduYXR1cmU";

	private static final String PEM_BODY = "MIIEowIBAAKCAQEAleakedkeymaterial";

	private static final String URL_PASSWORD = "pa55w0rdInUrl";

	private static final String SSN = "123-45-6789";

	private static final String IP = "203.0.113.77";

	private static final String AWS = "AKIAIOSFODNN7LEAKKEY";

	/** A username that no value rule matches, as Spring Security's principal name is, given as the user's id. */
	private static final String USERNAME = "mallory-leak";

	private static final List<String> SECRETS = List.of(EMAIL, "alice.leak%40example.com", CARD, "4111111111111111",
			IBAN, BEARER, JWT, PEM_BODY, URL_PASSWORD, SSN, IP, AWS, "xauth-secret-77", "xapikey-secret-88",
			"sess-secret-99", "xsrf-secret-11", "hunter2-json-pass", "form-pass-33", "mdc-token-44", "kv-pass-55",
			"nested-secret-66", "log-attr-secret-12", "metric-attr-secret-13", "feedback-token-14", "nested-kv-secret-15", "attachment-secret-16", "binary-secret-17",
			USERNAME);

	private static final EnvelopeListener sentry = startListener();

	private static final ByteArrayOutputStream jsonLog = new ByteArrayOutputStream();

	private static final ByteArrayOutputStream decoratedJsonLog = new ByteArrayOutputStream();

	private static final ByteArrayOutputStream patternLog = new ByteArrayOutputStream();

	@LocalServerPort
	int port;

	private final List<OutputStreamAppender<ILoggingEvent>> appenders = new java.util.ArrayList<>();

	@DynamicPropertySource
	static void sentryDsn(DynamicPropertyRegistry registry) {
		registry.add("sentry.dsn", sentry::dsn);
	}

	@AfterAll
	static void stopListener() {
		sentry.close();
	}

	@BeforeEach
	void captureLogs() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		LogstashEncoder json = new LogstashEncoder();
		json.setContext(context);
		MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
		masking.addValueMasker(new ScrubbingValueMasker());
		masking.start();
		json.setJsonGeneratorDecorator(masking);
		json.start();
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.getInstanceConverterMap().put("scrubbedMessage", ScrubbingMessageConverter::new);
		layout.getInstanceConverterMap().put("scrubbedException", ScrubbingThrowableConverter::new);
		layout.getInstanceConverterMap().put("scrub", ScrubbingCompositeConverter::new);
		layout.setPattern("%-5level [%scrub(%X)] %logger - %scrubbedMessage %scrub(%kvp)%n%scrubbedException");
		layout.start();
		LayoutWrappingEncoder<ILoggingEvent> pattern = new LayoutWrappingEncoder<>();
		pattern.setContext(context);
		pattern.setLayout(layout);
		pattern.start();
		LogstashEncoder decoratedJson = new LogstashEncoder();
		decoratedJson.setContext(context);
		decoratedJson.setJsonGeneratorDecorator(new ScrubbingJsonGeneratorDecorator());
		decoratedJson.start();
		attach(context, json, jsonLog);
		attach(context, decoratedJson, decoratedJsonLog);
		attach(context, pattern, patternLog);
	}

	@AfterEach
	void detachLogs() {
		Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
		this.appenders.forEach((appender) -> {
			root.detachAppender(appender);
			appender.stop();
		});
	}

	@Test
	void noPlantedSecretLeavesTheProcessAndTheContextStays() throws Exception {
		HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/orders/" + EMAIL + "/items?q=" + JWT
				+ "&access_token=" + BEARER + "&contact=alice.leak%40example.com"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + BEARER)
			.header("X-Auth-Token", "xauth-secret-77")
			.header("X-Api-Key", "xapikey-secret-88")
			.header("X-Forwarded-For", IP)
			.header("X-Upstream", "https://svc:" + URL_PASSWORD + "@internal.example.com/x")
			.header("Cookie", "SESSION=sess-secret-99; XSRF-TOKEN=xsrf-secret-11; theme=dark")
			.header("User-Agent", "leak-test-agent")
			.POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\",\"quantity\":3,\"password\":\"hunter2-json-pass\","
					+ "\"payment\":{\"card\":\"" + CARD + "\",\"iban\":\"" + IBAN + "\"},\"profile\":{\"ssn\":\"" + SSN
					+ "\",\"email\":\"" + EMAIL + "\",\"deep\":{\"credentials\":{\"secret\":\"nested-secret-66\"}}},"
					+ "\"note\":\"-----BEGIN RSA PRIVATE KEY-----\\n" + PEM_BODY + "\\n-----END RSA PRIVATE KEY-----\","
					+ "\"aws\":\"" + AWS + "\"}"))
			.build());
		HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/signup"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "leak-test-agent")
			.POST(HttpRequest.BodyPublishers.ofString("email=alice.leak%40example.com&password=form-pass-33&iban=" + IBAN
					+ "&plan=basic"))
			.build());
		assertThat(json.statusCode()).isEqualTo(500);
		assertThat(form.statusCode()).isEqualTo(500);
		assertThat(json.headers().firstValue("X-Event-Id")).isPresent();
		Sentry.flush(5_000);
		assertThat(sentry.await((envelope) -> envelope.contains("\"type\":\"transaction\""), Duration.ofSeconds(10)))
			.isTrue();
		assertThat(sentry.await((envelope) -> envelope.contains("/signup"), Duration.ofSeconds(10))).isTrue();
		assertThat(sentry.await((envelope) -> envelope.contains("\"type\":\"log\""), Duration.ofSeconds(10))).isTrue();
		assertThat(sentry.await((envelope) -> envelope.contains("\"type\":\"trace_metric\""), Duration.ofSeconds(10)))
			.isTrue();
		assertThat(sentry.await((envelope) -> envelope.contains("\"type\":\"feedback\""), Duration.ofSeconds(10)))
			.isTrue();
		String envelopes = String.join("\n", sentry.envelopes());
		String logs = jsonLog.toString(StandardCharsets.UTF_8) + decoratedJsonLog.toString(StandardCharsets.UTF_8)
				+ patternLog.toString(StandardCharsets.UTF_8);
		assertThat(SECRETS).allSatisfy((secret) -> {
			assertThat(envelopes).as("Sentry envelopes").doesNotContain(secret);
			assertThat(logs).as("logs").doesNotContain(secret);
			assertThat(json.body() + form.body()).as("error bodies").doesNotContain(secret);
		});
		assertThat(envelopes).contains("\"type\":\"event\"", "POST /orders/{email}/items", "\"method\":\"POST\"",
				"leak-test-agent", "\\\"quantity\\\":3", "\\\"item\\\":\\\"book\\\"", "theme=dark",
				"Order failed for [Filtered]", "Key (email)=([Filtered]) already exists",
				"\"x-auth-token\":\"[Filtered]\"", "plan=basic",
				"Login attempt by [Filtered] from [Filtered]", "charged [Filtered]", "Order of [Filtered] failed",
				"orders.failed", "\"route\":{\"type\":\"string\",\"value\":\"/orders\"}",
				"Charged twice on [Filtered], token=[Filtered]", "\"contact_email\":\"support-contact@example.org\"",
				"order-export.log", "order export for [Filtered], api_key=[Filtered]");
		assertThat(logs).contains("Order failed for [Filtered]", "Login attempt by [Filtered] from [Filtered]",
				"POST /orders/{email}/items -> 500");
		assertThat(decoratedJsonLog.toString(StandardCharsets.UTF_8)).contains("\"customer\":{");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private void attach(LoggerContext context, ch.qos.logback.core.encoder.Encoder<ILoggingEvent> encoder,
			ByteArrayOutputStream target) {
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(context);
		appender.setEncoder(encoder);
		appender.setOutputStream(target);
		appender.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
		this.appenders.add(appender);
	}

	private static EnvelopeListener startListener() {
		try {
			return new EnvelopeListener();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class LeakTestApplication {

		@Bean
		OrdersController ordersController() {
			return new OrdersController();
		}

	}

	@RestController
	static class OrdersController {

		private static final org.slf4j.Logger logger = LoggerFactory.getLogger(OrdersController.class);

		@PostMapping("/orders/{email}/items")
		String addItem(@PathVariable String email, @RequestBody Map<String, Object> order) {
			MDC.put("api_token", "mdc-token-44");
			try {
				User user = new User();
				user.setEmail(email);
				user.setUsername(USERNAME);
				user.setId(USERNAME);
				Sentry.setUser(user);
				Sentry.configureScope((scope) -> {
					scope.addAttachment(new Attachment(
							("order export for " + email + ", api_key=attachment-secret-16").getBytes(StandardCharsets.UTF_8),
							"order-export.log", "text/plain"));
					scope.addAttachment(new Attachment(("binary-secret-17 " + email).getBytes(StandardCharsets.UTF_8),
							"order.pdf", "application/pdf"));
				});
				logger.atInfo()
					.addKeyValue("password", "kv-pass-55")
					.addKeyValue("customer", Map.of("contact", email, "password", "nested-kv-secret-15"))
					.log("Login attempt by {} from {}", email, IP);
				Sentry.addBreadcrumb(new Breadcrumb("charged " + CARD));
				Sentry.logger()
					.log(SentryLogLevel.WARN,
							SentryLogParameters.create(SentryAttributes.of(
									SentryAttribute.stringAttribute("session_token", "log-attr-secret-12"),
									SentryAttribute.stringAttribute("iban", IBAN))),
							"Order of %s failed", email);
				Feedback feedback = new Feedback("Charged twice on " + CARD + ", token=feedback-token-14");
				feedback.setContactEmail("support-contact@example.org");
				Sentry.captureFeedback(feedback);
				Sentry.metrics()
					.count("orders.failed", 1.0, null,
							SentryMetricsParameters.create(SentryAttributes.of(
									SentryAttribute.stringAttribute("route", "/orders"),
									SentryAttribute.stringAttribute("customer", email),
									SentryAttribute.stringAttribute("api_key", "metric-attr-secret-13"))));
				throw new IllegalStateException("Order failed for " + email + " with key " + AWS,
						new RuntimeException("Key (email)=(" + email + ") already exists; iban " + IBAN));
			}
			finally {
				MDC.remove("api_token");
			}
		}

		@PostMapping("/signup")
		String signUp(@RequestParam Map<String, String> form) {
			throw new IllegalStateException("Sign-up failed for " + form.get("email") + " / " + form.get("iban"));
		}

	}

}
