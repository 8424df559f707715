package dev.errortracking.autoconfigure;

import java.util.Properties;

import io.sentry.IScopes;
import io.sentry.SentryOptions;
import io.sentry.spring.boot.jakarta.SentryAutoConfiguration;
import io.sentry.spring.boot.jakarta.SentryProperties;
import io.sentry.spring.jakarta.SentryExceptionResolver;
import org.junit.jupiter.api.Test;

import dev.errortracking.sentry.NonReportingSentryExceptionResolver;
import dev.errortracking.sentry.SentryErrorReporter;
import dev.errortracking.sentry.SentryOptionsDefaults;
import dev.errortracking.sentry.UntracedPathsSampler;
import dev.errortracking.web.ErrorReporter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SentryReportingAutoConfiguration} and {@link SentryExceptionResolverAutoConfiguration}.
 */
class SentryReportingAutoConfigurationTests {

	private static final String DSN = "sentry.dsn=http://public@127.0.0.1:9/1";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SentryExceptionResolverAutoConfiguration.class,
				SentryAutoConfiguration.class, SentryReportingAutoConfiguration.class,
				ErrorTrackingWebAutoConfiguration.class));

	@Test
	void withDsnReportsThroughSentryAndSilencesSentrysResolver() {
		this.runner.withPropertyValues(DSN).run((context) -> {
			assertThat(context).hasSingleBean(ErrorReporter.class);
			assertThat(context.getBean(ErrorReporter.class)).isInstanceOf(SentryErrorReporter.class);
			assertThat(context).hasSingleBean(SentryOptionsDefaults.class);
			assertThat(context).getBean(SentryExceptionResolver.class)
				.isInstanceOf(NonReportingSentryExceptionResolver.class);
			assertThat(context).doesNotHaveBean(UntracedPathsSampler.class);
		});
	}

	@Test
	void filtersTheFailureLineOutOfSentrysAppenderUnlessReplaced() {
		this.runner.withPropertyValues(DSN).run((context) -> assertThat(context).hasBean("sentryErrorLogCopyFilter"));
		this.runner.withPropertyValues(DSN)
			.withBean("sentryErrorLogCopyFilter", String.class, () -> "replaced")
			.run((context) -> assertThat(context).getBean("sentryErrorLogCopyFilter").isEqualTo("replaced"));
	}

	@Test
	void tracesOnlyWhatTheApplicationAsksToTrace() {
		this.runner.withPropertyValues(DSN, "sentry.traces-sample-rate=").run((context) -> {
			assertThat(context).doesNotHaveBean(UntracedPathsSampler.class);
			assertThat(context.getBean(IScopes.class).getOptions().isTracingEnabled()).isFalse();
		});
		this.runner.withPropertyValues(DSN, "sentry.traces-sample-rate=0.25").run((context) -> {
			assertThat(context).hasSingleBean(UntracedPathsSampler.class);
			assertThat(context.getBean(IScopes.class).getOptions().isTracingEnabled()).isTrue();
		});
	}

	@Test
	void withoutDsnNothingIsCreated() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(IScopes.class);
			assertThat(context).doesNotHaveBean(ErrorReporter.class);
			assertThat(context).doesNotHaveBean(SentryOptionsDefaults.class);
			assertThat(context).doesNotHaveBean(SentryExceptionResolver.class);
			assertThat(context).doesNotHaveBean(SentryReportingProperties.class);
		});
	}

	@Test
	void emptyDsnCreatesNothingOfTheLibrary() {
		this.runner.withPropertyValues("sentry.dsn=").run((context) -> {
			assertThat(context).doesNotHaveBean(ErrorReporter.class);
			assertThat(context).doesNotHaveBean(SentryOptionsDefaults.class);
			assertThat(context).doesNotHaveBean(NonReportingSentryExceptionResolver.class);
		});
	}

	@Test
	void backsOffWhenSentryReportingIsSwitchedOff() {
		this.runner.withPropertyValues(DSN, "error-tracking.sentry.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ErrorReporter.class);
			assertThat(context).doesNotHaveBean(SentryOptionsDefaults.class);
			assertThat(context).getBean(SentryExceptionResolver.class)
				.isNotInstanceOf(NonReportingSentryExceptionResolver.class);
		});
	}

	@Test
	void backsOffWhenErrorTrackingIsSwitchedOff() {
		this.runner.withPropertyValues(DSN, "error-tracking.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ErrorReporter.class);
			assertThat(context).doesNotHaveBean(NonReportingSentryExceptionResolver.class);
		});
	}

	@Test
	void keepsSentrysResolverWhenTheLibraryDoesNotRenderErrors() {
		this.runner.withPropertyValues(DSN, "error-tracking.response.enabled=false")
			.run((context) -> assertThat(context).getBean(SentryExceptionResolver.class)
				.isNotInstanceOf(NonReportingSentryExceptionResolver.class));
	}

	@Test
	void backsOffWithoutSentryOnTheClasspath() {
		new WebApplicationContextRunner().withClassLoader(new FilteredClassLoader("io.sentry"))
			.withConfiguration(AutoConfigurations.of(SentryExceptionResolverAutoConfiguration.class,
					SentryReportingAutoConfiguration.class, ErrorTrackingWebAutoConfiguration.class))
			.withPropertyValues(DSN)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ErrorReporter.class);
			});
	}

	@Test
	void userBeansWin() {
		this.runner.withPropertyValues(DSN).withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).getBean(ErrorReporter.class).isSameAs(UserBeans.REPORTER);
			assertThat(context).getBean(SentryExceptionResolver.class).isSameAs(context.getBean("userResolver"));
		});
	}

	@Test
	void appliesTransportDefaultsOnlyWhereUnset() {
		this.runner.withPropertyValues(DSN, "sentry.read-timeout-millis=10000", "sentry.max-queue-size=50")
			.run((context) -> {
				SentryProperties options = context.getBean(SentryProperties.class);
				assertThat(options.getReadTimeoutMillis()).isEqualTo(10000);
				assertThat(options.getMaxQueueSize()).isEqualTo(50);
				assertThat(options.getConnectionTimeoutMillis())
					.isEqualTo(SentryOptionsDefaults.CONNECTION_TIMEOUT_MILLIS);
				assertThat(options.getShutdownTimeoutMillis()).isEqualTo(SentryOptionsDefaults.SHUTDOWN_TIMEOUT_MILLIS);
				assertThat(options.getFlushTimeoutMillis()).isEqualTo(SentryOptionsDefaults.FLUSH_TIMEOUT_MILLIS);
			});
	}

	@Test
	void takesTheEnvironmentFromTheActiveProfileAndTheReleaseFromTheBuild() {
		this.runner.withPropertyValues(DSN, "spring.profiles.active=staging")
			.withUserConfiguration(BuildInfo.class)
			.run((context) -> {
				SentryProperties options = context.getBean(SentryProperties.class);
				assertThat(options.getEnvironment()).isEqualTo("staging");
				assertThat(options.getRelease()).isEqualTo("shop@1.2.3+abc1234");
			});
	}

	@Test
	void configuredEnvironmentAndReleaseWin() {
		this.runner
			.withPropertyValues(DSN, "spring.profiles.active=staging", "sentry.environment=prod",
					"sentry.release=shop@9")
			.withUserConfiguration(BuildInfo.class)
			.run((context) -> {
				SentryProperties options = context.getBean(SentryProperties.class);
				assertThat(options.getEnvironment()).isEqualTo("prod");
				assertThat(options.getRelease()).isEqualTo("shop@9");
			});
	}

	@Test
	void samplerKeepsHealthChecksUntracedWhenTracingIsOn() {
		this.runner.withPropertyValues(DSN, "sentry.traces-sample-rate=0.5").run((context) -> {
			assertThat(context).hasSingleBean(UntracedPathsSampler.class);
			assertThat(context.getBean(SentryProperties.class).getTracesSampler())
				.isSameAs(context.getBean(UntracedPathsSampler.class));
		});
	}

	@Test
	void userSamplerWins() {
		this.runner.withPropertyValues(DSN, "sentry.traces-sample-rate=0.5")
			.withBean(SentryOptions.TracesSamplerCallback.class, () -> (samplingContext) -> 1.0)
			.run((context) -> assertThat(context).doesNotHaveBean(UntracedPathsSampler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final ErrorReporter REPORTER = (error, request) -> "user";

		@Bean
		ErrorReporter userReporter() {
			return REPORTER;
		}

		@Bean
		SentryExceptionResolver userResolver(IScopes scopes) {
			return new SentryExceptionResolver(scopes, (request) -> null, 1);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BuildInfo {

		@Bean
		BuildProperties buildProperties() {
			Properties properties = new Properties();
			properties.setProperty("artifact", "shop");
			properties.setProperty("version", "1.2.3");
			return new BuildProperties(properties);
		}

		@Bean
		GitProperties gitProperties() {
			Properties properties = new Properties();
			properties.setProperty("commit.id", "abc1234def5678");
			return new GitProperties(properties);
		}

	}

}
