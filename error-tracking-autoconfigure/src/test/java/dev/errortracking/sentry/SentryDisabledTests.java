package dev.errortracking.sentry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.sentry.IScopes;
import io.sentry.Sentry;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.sentry.logback.SentryAppender;
import io.sentry.spring.boot.jakarta.SentryAutoConfiguration;
import io.sentry.spring.boot.jakarta.SentryLogbackAppenderAutoConfiguration;
import io.sentry.spring.jakarta.SentryExceptionResolver;
import io.sentry.spring.jakarta.SentrySpringFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import dev.errortracking.autoconfigure.SentryReportingProperties;
import dev.errortracking.web.ErrorReporter;

import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a DSN nothing of Sentry runs: no beans, no threads, and the application serves errors as usual; a DSN
 * that is set but blank, as {@code ${SENTRY_DSN:}} leaves it, counts as none, unless that is switched off.
 */
class SentryDisabledTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "no-dsn-property", "sentry.dsn=", "sentry.dsn=  " })
	void withoutDsnThereAreNoSentryBeansNoSentryThreadsAndTheAppWorks(String dsn) {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SentryTestApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", dsn)
			.run()) {
			TestHttp http = new TestHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

			TestHttp.Response failure = http.get("/api/v1/posts/1");
			TestHttp.Response ok = http.get("/api/v1/ok");

			assertThat(failure.status()).isEqualTo(500);
			assertThat(failure.error()).isEqualTo("INTERNAL_ERROR");
			assertThat(failure.json()).doesNotContainKey("eventId");
			assertThat(failure.eventIdHeader()).isNull();
			assertThat(ok.status()).isEqualTo(200);
			assertThat(context.getBeanNamesForType(IScopes.class)).isEmpty();
			assertThat(context.getBeanNamesForType(ErrorReporter.class)).isEmpty();
			assertThat(context.getBeanNamesForType(SentryExceptionResolver.class)).isEmpty();
			assertThat(context.getBeanNamesForType(Sentry.OptionsConfiguration.class)).isEmpty();
			assertThat(context.getBeanNamesForType(SentryReportingProperties.class)).isEmpty();
			assertThat(context.getBeansOfType(Object.class).values()).extracting((bean) -> bean.getClass().getName())
				.filteredOn((name) -> !name.startsWith(SentryTestApplication.class.getName()))
				.noneMatch((name) -> name.startsWith("io.sentry.") || name.startsWith("dev.errortracking.autoconfigure.Sentry")
						|| name.startsWith(SentryErrorReporter.class.getPackageName() + "."));
			assertThat(Sentry.isEnabled()).isFalse();
			Set<String> newThreads = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> !before.contains(thread))
				.map(Thread::getName)
				.collect(Collectors.toSet());
			assertThat(newThreads).noneMatch((name) -> name.toLowerCase(Locale.ROOT).contains("sentry"));
			assertThat(sentryAppenders()).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "error-tracking.sentry.exclude-when-dsn-blank=false", "error-tracking.enabled=false",
			"sentry.enable-external-configuration=true" })
	void aBlankDsnLeavesSentrysOwnAutoConfigurationInPlaceWhenSwitchedOffOrSuppliedElsewhere(String setting) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SentryTestApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "sentry.dsn=", setting)
			.run()) {
			assertThat(context.getBeanNamesForType(IScopes.class)).isNotEmpty();
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.extracting(FilterRegistrationBean::getFilter)
				.hasAtLeastOneElementOfType(SentrySpringFilter.class);
			assertThat(context.getBeanNamesForType(ErrorReporter.class)).isEmpty();
			assertThat(Sentry.isEnabled()).isFalse();
			assertThat(sentryAppenders()).isNotEmpty();
		}
	}

	@Test
	void theExclusionIsInTheConditionEvaluationReport() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SentryTestApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "sentry.dsn=")
			.run()) {
			assertThat(ConditionEvaluationReport.get(context.getBeanFactory()).getExclusions())
				.contains(SentryAutoConfiguration.class.getName(), SentryLogbackAppenderAutoConfiguration.class.getName());
		}
	}

	private static List<Appender<ILoggingEvent>> sentryAppenders() {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
		logging.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appenders::add);
		return appenders.stream().filter(SentryAppender.class::isInstance).toList();
	}

}
