package dev.errortracking.logging;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoggingEnvironmentPostProcessor}.
 */
class LoggingEnvironmentPostProcessorTests {

	private static final String CONSOLE_FORMAT = "logging.structured.format.console";

	private static final String FILE_FORMAT = "logging.structured.format.file";

	private static final String CORRELATION = "logging.pattern.correlation";

	private final MockEnvironment environment = new MockEnvironment();

	private final LoggingEnvironmentPostProcessor postProcessor = new LoggingEnvironmentPostProcessor();

	@Test
	void developmentGetsTheConsolePatternWithTheRequestId() {
		process();
		assertThat(this.environment.getProperty(CORRELATION)).isEqualTo("%correlationId{request_id(36)}");
		assertThat(this.environment.containsProperty(CONSOLE_FORMAT)).isFalse();
	}

	@Test
	void productionLikeProfilesGetJsonLines() {
		for (String profile : new String[] { "prod", "production", "staging" }) {
			MockEnvironment environment = new MockEnvironment();
			environment.setActiveProfiles("cloud", profile);
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getProperty(CONSOLE_FORMAT)).isEqualTo(LogstashJsonFormatter.class.getName());
			assertThat(environment.getProperty(FILE_FORMAT)).isEqualTo(LogstashJsonFormatter.class.getName());
			assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
			assertThat(environment.containsProperty(CORRELATION)).isFalse();
		}
	}

	@Test
	void formatPropertyForcesJsonOrText() {
		this.environment.setProperty("error-tracking.logging.format", "json");
		process();
		assertThat(this.environment.getProperty(CONSOLE_FORMAT)).isEqualTo(LogstashJsonFormatter.class.getName());
		MockEnvironment production = new MockEnvironment().withProperty("error-tracking.logging.format", "text");
		production.setActiveProfiles("prod");
		this.postProcessor.postProcessEnvironment(production, new SpringApplication());
		assertThat(production.containsProperty(CONSOLE_FORMAT)).isFalse();
	}

	@Test
	void jsonProfilesAreConfigurable() {
		this.environment.setProperty("error-tracking.logging.json-profiles", "live");
		this.environment.setActiveProfiles("live");
		process();
		assertThat(this.environment.getProperty(CONSOLE_FORMAT)).isEqualTo(LogstashJsonFormatter.class.getName());
		MockEnvironment prod = new MockEnvironment().withProperty("error-tracking.logging.json-profiles", "live");
		prod.setActiveProfiles("prod");
		this.postProcessor.postProcessEnvironment(prod, new SpringApplication());
		assertThat(prod.containsProperty(CONSOLE_FORMAT)).isFalse();
	}

	@Test
	void withoutLogstashEncoderBootsOwnLogstashFormatIsUsed() {
		this.environment.setActiveProfiles("prod");
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader("net.logstash")));
		this.postProcessor.postProcessEnvironment(this.environment, application);
		assertThat(this.environment.getProperty(CONSOLE_FORMAT)).isEqualTo("logstash");
	}

	@Test
	void applicationSettingsWin() {
		this.environment.setActiveProfiles("prod");
		this.environment.setProperty(CONSOLE_FORMAT, "ecs");
		this.environment.setProperty("spring.main.banner-mode", "log");
		process();
		assertThat(this.environment.getProperty(CONSOLE_FORMAT)).isEqualTo("ecs");
		assertThat(this.environment.getProperty(FILE_FORMAT)).isEqualTo(LogstashJsonFormatter.class.getName());
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isEqualTo("log");
		MockEnvironment development = new MockEnvironment().withProperty(CORRELATION, "[%X{traceId}] ");
		this.postProcessor.postProcessEnvironment(development, new SpringApplication());
		assertThat(development.getProperty(CORRELATION)).isEqualTo("[%X{traceId}] ");
	}

	@Test
	void ownLoggingConfigurationKeepsTheBanner() {
		this.environment.setActiveProfiles("prod");
		this.environment.setProperty("logging.config", "classpath:my-logback.xml");
		process();
		assertThat(this.environment.containsProperty("spring.main.banner-mode")).isFalse();
	}

	@Test
	void switchesTurnItOff() {
		this.environment.setActiveProfiles("prod");
		this.environment.setProperty("error-tracking.logging.enabled", "false");
		process();
		assertThat(this.environment.getPropertySources().contains(LoggingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		MockEnvironment disabled = new MockEnvironment().withProperty("error-tracking.enabled", "false");
		this.postProcessor.postProcessEnvironment(disabled, new SpringApplication());
		assertThat(disabled.getPropertySources().contains(LoggingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void hibernatesStatementFailureLinesAreSilencedUnlessTheApplicationSaysOtherwise() {
		process();
		assertThat(this.environment.getProperty(LoggingEnvironmentPostProcessor.SQL_EXCEPTION_HELPER_LEVEL))
			.isEqualTo("off");
		MockEnvironment own = new MockEnvironment()
			.withProperty(LoggingEnvironmentPostProcessor.SQL_EXCEPTION_HELPER_LEVEL, "warn");
		this.postProcessor.postProcessEnvironment(own, new SpringApplication());
		assertThat(own.getProperty(LoggingEnvironmentPostProcessor.SQL_EXCEPTION_HELPER_LEVEL)).isEqualTo("warn");
		MockEnvironment noBody = new MockEnvironment().withProperty("error-tracking.response.enabled", "false");
		this.postProcessor.postProcessEnvironment(noBody, new SpringApplication());
		assertThat(noBody.getProperty(LoggingEnvironmentPostProcessor.SQL_EXCEPTION_HELPER_LEVEL)).isNull();
	}

	private void process() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
	}

}
