package dev.errortracking.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import io.sentry.IScopes;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.spring.jakarta.SentryRequestResolver;

import dev.errortracking.sentry.DuplicateEventFilter;
import dev.errortracking.sentry.ErrorLogCopyFilter;
import dev.errortracking.sentry.ReportingRule;
import dev.errortracking.sentry.SentryErrorReporter;
import dev.errortracking.sentry.SentryOptionsDefaults;
import dev.errortracking.sentry.UntracedPathsSampler;
import dev.errortracking.web.ErrorReporter;
import dev.errortracking.web.ErrorTrackingErrorController;

import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of Sentry reporting: the {@link ErrorReporter}, the filters of duplicate events, production-safe
 * SDK defaults and the sampler that never traces health checks. Backs off entirely without a Sentry DSN.
 */
@AutoConfiguration(afterName = "io.sentry.spring.boot.jakarta.SentryAutoConfiguration",
		before = ErrorTrackingWebAutoConfiguration.class)
@ConditionalOnClass(name = { "io.sentry.IScopes", "io.sentry.spring.boot.jakarta.SentryAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "error-tracking.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "error-tracking.sentry.enabled", matchIfMissing = true)
@Conditional(OnSentryDsnCondition.class)
@ConditionalOnBean(IScopes.class)
@EnableConfigurationProperties(SentryReportingProperties.class)
public class SentryReportingAutoConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	@ConditionalOnMissingBean
	SentryOptionsDefaults sentryOptionsDefaults(Environment environment, ObjectProvider<BuildProperties> build,
			ObjectProvider<GitProperties> git) {
		return new SentryOptionsDefaults(environment, build.getIfAvailable(), git.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.sentry.logback.SentryAppender", "ch.qos.logback.classic.LoggerContext" })
	static class LogbackReportingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "sentryErrorLogCopyFilter")
		ApplicationListener<ApplicationStartedEvent> sentryErrorLogCopyFilter(IScopes scopes) {
			return (event) -> {
				if (!scopes.getOptions().getLogs().isEnabled()
						&& LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
					ErrorLogCopyFilter.addToSentryAppenders(context);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ DispatcherServlet.class, SentryRequestResolver.class })
	static class ServletReportingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ErrorReporter sentryErrorReporter(IScopes scopes, SentryReportingProperties properties,
				ObjectProvider<SentryRequestResolver> requestResolver) {
			ReportingRule rule = new ReportingRule(properties.getMinStatus(), properties.getMaxStatus(),
					properties.getAlwaysReport(), properties.getNeverReport());
			return new SentryErrorReporter(scopes, rule, properties.isBreadcrumbs(), requestResolver.getIfAvailable(),
					properties.isDropWhenBacklogged(), eventsPerSecondPerKind(properties.getRepeatLimit()),
					properties.isReportAfterResponse());
		}

		private static double eventsPerSecondPerKind(SentryReportingProperties.RepeatLimit limit) {
			if (!limit.isEnabled()) {
				return 0;
			}
			if (!(limit.getEventsPerSecond() > 0)) {
				throw new IllegalStateException("error-tracking.sentry.repeat-limit.events-per-second must be positive, "
						+ "was " + limit.getEventsPerSecond() + " (set repeat-limit.enabled=false for no limit)");
			}
			return limit.getEventsPerSecond();
		}

		@Bean
		@ConditionalOnMissingBean(name = "sentryDuplicateEventFilter")
		Sentry.OptionsConfiguration<SentryOptions> sentryDuplicateEventFilter(
				ObjectProvider<ErrorController> errorControllers) {
			DuplicateEventFilter filter = new DuplicateEventFilter(
					() -> errorControllers.getIfUnique() instanceof ErrorTrackingErrorController);
			return filter::installFirst;
		}

		@Bean
		@Conditional(OnTracesSampleRateCondition.class)
		@ConditionalOnMissingBean(SentryOptions.TracesSamplerCallback.class)
		UntracedPathsSampler untracedPathsSampler(SentryReportingProperties properties, Environment environment) {
			List<String> patterns = new ArrayList<>(properties.getUntracedPaths());
			String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
			if (basePath.isEmpty() || "/".equals(basePath)) {
				patterns.add("/health");
				patterns.add("/health/**");
			}
			else {
				patterns.add(basePath);
				patterns.add(basePath + "/**");
			}
			return new UntracedPathsSampler(patterns);
		}

	}

}
